package care.parcours.patient.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents kept as files of a directory given by configuration. */
@ParcoursTest(properties = "parcours.patient.documents.directory=" + DocumentDirectoryIT.DIRECTORY)
class DocumentDirectoryIT extends DocumentApiContract {

	static final String DIRECTORY = "target/documents-it";

	@Override
	byte[] sealed(UUID documentId) {
		try {
			return Files.readAllBytes(Path.of(DIRECTORY, documentId + ".sealed"));
		}
		catch (IOException ex) {
			throw new AssertionError("No file for document " + documentId, ex);
		}
	}

	@Override
	String storage() {
		return "DIRECTORY";
	}

	@Test
	void noDocumentIsKeptInTheDatabase() {
		upload(care.parcours.patient.patients.PatientFixtures.registeredId(http,
				care.parcours.patient.patients.PatientFixtures.yasmine("dironly")), SampleFiles.pdf(), "a.pdf",
				"application/pdf")
			.expectStatus()
			.isCreated();

		assertThat(jdbc.sql("select count(*) from patient_document_content").query(Long.class).single()).isZero();
	}

	@Test
	void anErasedPatientsFilesAreRemovedOnceTheErasureCommits() {
		UUID patient = care.parcours.patient.patients.PatientFixtures.registeredId(http,
				care.parcours.patient.patients.PatientFixtures.yasmine("dirterase"));
		UUID document = upload(patient, SampleFiles.pdf(), "a.pdf", "application/pdf").expectStatus()
			.isCreated()
			.expectBody(DocumentController.DocumentView.class)
			.returnResult()
			.getResponseBody()
			.id();
		assertThat(Path.of(DIRECTORY, document + ".sealed")).exists();

		http.post()
			.uri("/api/patients/{id}/erasure", patient)
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(Path.of(DIRECTORY, document + ".sealed")).doesNotExist();
		assertThat(jdbc.sql("select count(*) from patient_document where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

}
