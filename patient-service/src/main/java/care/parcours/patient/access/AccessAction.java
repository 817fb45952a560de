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
	ERASE,

	/** Vital signs, an allergy or a medication recorded. */
	RECORD_OBSERVATIONS,

	/** Vital signs, allergies or medication listed. */
	READ_OBSERVATIONS,

	/** A clinical note written (the row names it). */
	WRITE_NOTE,

	/** Clinical notes listed, their text shown. */
	READ_NOTES,

	/** A document uploaded (the row names it). */
	UPLOAD_DOCUMENT,

	/** The list of a patient's documents shown (metadata only). */
	LIST_DOCUMENTS,

	/** A document's content downloaded (the row names it). */
	DOWNLOAD_DOCUMENT,

	/**
	 * A pathway read by a partner client that a consent to share lets know whose pathway
	 * it is (the row names the pathway). A read without that consent shows no patient and
	 * is not a read of their record.
	 */
	PARTNER_READ_PATHWAY

}
