package care.parcours.partner.deliveries;

/** How one attempt ended. */
public enum AttemptOutcome {

	/** 2xx. */
	DELIVERED,

	/** The endpoint answered with another status. */
	REJECTED,

	/** No answer within the timeout. */
	TIMED_OUT,

	/** No connection: refused, reset, or the host unknown. */
	UNREACHABLE,

	/**
	 * The host now resolves to an address deliveries must not go to; nothing was sent.
	 */
	FORBIDDEN_ADDRESS

}
