package care.parcours.patient.notes;

import java.util.List;
import java.util.UUID;

import care.parcours.patient.PatientDataErasure;
import care.parcours.patient.PatientDataExport;
import care.parcours.patient.notes.NoteController.NoteView;

import org.springframework.stereotype.Component;

/**
 * Notes in a patient's export (every note, its text opened: it is the patient's data) and
 * in their erasure (every note deleted).
 */
@Component
class NoteDataRights implements PatientDataExport, PatientDataErasure {

	private final ClinicalNotes notes;

	NoteDataRights(ClinicalNotes notes) {
		this.notes = notes;
	}

	@Override
	public String section() {
		return "notes";
	}

	@Override
	public List<NoteView> export(UUID patientId) {
		return notes.all(patientId).stream().map(NoteView::of).toList();
	}

	@Override
	public void erase(UUID patientId) {
		notes.erase(patientId);
	}

}
