package care.parcours.billing.coverage;

/** Where a prior authorisation stands. */
public enum AuthorisationStatus {

	/** Asked of the insurer, not answered yet. */
	REQUESTED,
	/** The insurer agreed to cover up to an amount, until a date. */
	APPROVED,
	/** The insurer declined. */
	REFUSED,
	/** An approval past its date. */
	EXPIRED

}
