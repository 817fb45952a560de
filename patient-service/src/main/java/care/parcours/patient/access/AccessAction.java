package care.parcours.patient.access;

/** What was done to a patient record. */
public enum AccessAction {

	/** Registered. */
	CREATE,

	/** Read in full, by id. */
	READ,

	/** Changed. */
	UPDATE,

	/** Shown by name in a list of patients. */
	LIST,

	/** Found by an exact look-up (identifier, e-mail, phone) and shown. */
	LOOKUP,

	/** Found by a search on family name and birth date and shown. */
	SEARCH,

	/** A consent recorded. */
	CONSENT_GRANT,

	/** A consent withdrawn. */
	CONSENT_WITHDRAW,

	/** The patient's consents shown, or one of them. */
	CONSENT_LIST,

	/** Exported in full to the patient (GDPR access and portability). */
	EXPORT,

	/** Erasure requested, deferred by a legal hold or a retention period. */
	ERASURE_REQUESTED,

	/** Erased: data key destroyed, blind indexes removed. */
	ERASE

}
