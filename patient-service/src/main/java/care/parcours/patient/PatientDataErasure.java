package care.parcours.patient;

import java.util.UUID;

/**
 * One feature's part of a patient's GDPR erasure: each feature that keeps rows about a
 * patient beside the record (clinical data, documents) adds a bean of this type, and the
 * erasure (POST /api/patients/{id}/erasure, or the job once a hold lapses) calls every
 * one inside its own transaction, after locking the record and before destroying the data
 * key: either the whole patient is erased, or nothing is. A feature added later erases
 * its rows by adding its bean; nothing else changes.
 */
public interface PatientDataErasure {

	/**
	 * Deletes everything this feature holds about the patient. Runs in the erasure's
	 * transaction; work that cannot roll back (files) is left until it commits.
	 */
	void erase(UUID patientId);

}
