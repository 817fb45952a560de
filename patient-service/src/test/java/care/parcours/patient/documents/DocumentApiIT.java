package care.parcours.patient.documents;

import java.util.UUID;

import care.parcours.test.ParcoursTest;

/** Documents kept in PostgreSQL, the default. */
@ParcoursTest
class DocumentApiIT extends DocumentApiContract {

	@Override
	byte[] sealed(UUID documentId) {
		return jdbc.sql("select content from patient_document_content where document_id = ?")
			.param(documentId)
			.query(byte[].class)
			.single();
	}

	@Override
	String storage() {
		return "DATABASE";
	}

}
