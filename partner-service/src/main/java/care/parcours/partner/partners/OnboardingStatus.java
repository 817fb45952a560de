package care.parcours.partner.partners;

/**
 * Where a partner stands with the network. Only active partners are proposed to
 * coordinators by matching.
 */
public enum OnboardingStatus {

	/** Registered; contracts, accreditations and contacts are being checked. */
	ONBOARDING,

	/** Takes patients through the network. */
	ACTIVE,

	/**
	 * Paused by the network, for quality or contractual reasons; can be activated again.
	 */
	SUSPENDED

}
