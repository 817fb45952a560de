package care.parcours.patient.patients;

import java.util.UUID;

import care.parcours.patient.PatientDataExport;
import care.parcours.patient.patients.PatientViews.PatientView;

import org.springframework.stereotype.Component;

/**
 * The record's part of the export: identity, contacts, identifiers, as GET shows them.
 * Refuses an unknown patient (404) or an erased one (410), and with it the whole export.
 */
@Component
class RecordExport implements PatientDataExport {

	private final PatientRecords records;

	RecordExport(PatientRecords records) {
		this.records = records;
	}

	@Override
	public String section() {
		return "record";
	}

	@Override
	public PatientView export(UUID patientId) {
		return PatientView
			.of(records.find(patientId).orElseThrow(() -> new PatientRegistry.PatientNotFound(patientId)));
	}

}
