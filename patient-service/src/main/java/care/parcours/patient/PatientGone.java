package care.parcours.patient;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.GoneException;

/**
 * The record was erased: its id stays valid as a tombstone, its content is gone for good.
 * The problem says when, and nothing else. Every feature answers it for an erased patient
 * (the record, consents, clinical data, the export), so a client sees one
 * {@code patient-erased} whichever endpoint it calls.
 */
public final class PatientGone extends GoneException {

	public PatientGone(UUID id, Instant erasedAt) {
		super("patient-erased", "Patient record " + id + " was erased on " + erasedAt + ".",
				Map.of("patientId", id, "erasedAt", erasedAt));
	}

}
