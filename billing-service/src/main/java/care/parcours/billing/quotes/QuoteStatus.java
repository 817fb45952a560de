package care.parcours.billing.quotes;

/** Where a version of a quote stands; a quote's status is its latest version's. */
public enum QuoteStatus {

	/** Being written; not shown to the patient yet. */
	DRAFT,
	/** Shown to the patient, who may accept it until its validity date. */
	SENT,
	/** The patient accepted it: the version invoices start from. */
	ACCEPTED,
	/** The patient turned it down. */
	REJECTED,
	/** Not accepted by its validity date. */
	EXPIRED,
	/** A sent version replaced by a newer one. */
	SUPERSEDED

}
