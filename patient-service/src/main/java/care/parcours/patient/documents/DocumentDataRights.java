package care.parcours.patient.documents;

import java.util.List;
import java.util.UUID;

import care.parcours.patient.PatientDataErasure;
import care.parcours.patient.PatientDataExport;
import care.parcours.patient.documents.DocumentController.DocumentView;

import org.springframework.stereotype.Component;

/**
 * Documents in a patient's export (the list, as the API shows it: kind, type, size, hash,
 * when and by whom; the contents are downloaded one by one) and in their erasure (rows,
 * contents and files deleted).
 */
@Component
class DocumentDataRights implements PatientDataExport, PatientDataErasure {

	private final Documents documents;

	DocumentDataRights(Documents documents) {
		this.documents = documents;
	}

	@Override
	public String section() {
		return "documents";
	}

	@Override
	public List<DocumentView> export(UUID patientId) {
		return documents.all(patientId).stream().map(DocumentView::of).toList();
	}

	@Override
	public void erase(UUID patientId) {
		documents.erase(patientId);
	}

}
