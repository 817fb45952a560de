package care.parcours.partner.partners;

/** What a partner is: a place of care, or a provider of services around the stay. */
public enum PartnerKind {

	HOSPITAL(true), CLINIC(true), CARE_CENTRE(true), TRANSPORT(false), HOTEL(false), INTERPRETER(false),
	CONCIERGE(false);

	private final boolean providesCare;

	PartnerKind(boolean providesCare) {
		this.providesCare = providesCare;
	}

	/** Whether practitioners work there: hospitals, clinics and care centres. */
	public boolean providesCare() {
		return providesCare;
	}

}
