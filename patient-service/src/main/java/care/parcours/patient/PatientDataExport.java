package care.parcours.patient;

import java.util.UUID;

/**
 * One feature's part of a patient's GDPR export: each feature that holds something about
 * a patient (the record, the access log, consents, clinical data) adds a bean of this
 * type, and the export (GET /api/patients/{id}/export) gathers every one in one JSON
 * document, in one transaction. A feature added later adds its section by adding its
 * bean; nothing else changes.
 */
public interface PatientDataExport {

	/** The section's name in the export document, such as {@code record}; unique. */
	String section();

	/**
	 * Everything this feature holds about the patient, as the patient should read it
	 * (serialised as JSON); an empty list when it holds nothing. Throws the feature's
	 * not-found or gone problem when the patient does not exist or is erased.
	 */
	Object export(UUID patientId);

}
