package care.parcours.patient.patients;

/**
 * Why an erasure is deferred: codes, never free text, which would invite personal data
 * into the record of the request.
 */
public enum ErasureHold {

	/** A court, a regulator or a dispute requires the record to be kept. */
	LEGAL_HOLD,

	/**
	 * The law keeps medical records for a time (in France, 20 years after the last stay).
	 */
	RETENTION_PERIOD

}
