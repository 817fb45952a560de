package care.parcours.patient.notes;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.JSON;
import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class ClinicalNoteApiIT {

	static final String FIRST = "Patiente vue avant la consultation de cardiologie : essoufflement à l'effort.";

	static final String SECOND = "Consultation reportée, la patiente souhaite un interprète arabophone.";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void notesReadBackLatestFirstWhileTheDatabaseHoldsOnlyCiphertext() {
		UUID patient = registeredId(http, yasmine("notes"));

		UUID first = write(patient, FIRST, TestTokens.staff("coordinator").subject("amel.coordinator").bearer())
			.expectStatus()
			.isCreated()
			.expectBody(NoteController.NoteView.class)
			.returnResult()
			.getResponseBody()
			.id();
		write(patient, SECOND, TestTokens.staff("assistant").subject("nadia.assistant").bearer()).expectStatus()
			.isCreated();

		http.get()
			.uri("/api/patients/{id}/notes", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].text")
			.isEqualTo(SECOND)
			.jsonPath("$.content[0].author")
			.isEqualTo("nadia.assistant")
			.jsonPath("$.content[1].text")
			.isEqualTo(FIRST)
			.jsonPath("$.content[1].author")
			.isEqualTo("amel.coordinator")
			.jsonPath("$.page.totalElements")
			.isEqualTo(2);

		byte[] stored = jdbc.sql("select text from clinical_note where id = ?")
			.param(first)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("essoufflement", "cardiologie");
		assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("essoufflement", "cardiologie");
		assertThat(jdbc.sql("""
				select action || ':' || coalesce(item_id::text, '') from patient_access
				where patient_id = ? and action <> 'CREATE' order by id
				""").param(patient).query(String.class).list()).startsWith("WRITE_NOTE:" + first)
			.endsWith("READ_NOTES:");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aNoteCopiedToAnotherNoteOfTheSamePatientDoesNotOpenAndTheFailureLogsNoText(CapturedOutput output) {
		UUID patient = registeredId(http, yasmine("notecopy"));
		write(patient, FIRST, TestTokens.staff("coordinator").bearer()).expectStatus().isCreated();
		write(patient, SECOND, TestTokens.staff("coordinator").bearer()).expectStatus().isCreated();

		jdbc.sql(
				"""
						update clinical_note set text = (select text from clinical_note where patient_id = :p order by written_at
						                                 limit 1)
						where patient_id = :p
						""")
			.param("p", patient)
			.update();

		http.get().uri("/api/patients/{id}/notes", patient).exchange().expectStatus().is5xxServerError();
		assertThat(output.getAll()).contains("does not open").doesNotContain("essoufflement", "interprète");
	}

	@Test
	void aTooLongOrBlankNoteIsRefusedWithoutQuotingItAndNothingIsStored() {
		UUID patient = registeredId(http, yasmine("notelong"));
		String tooLong = "secret-diagnosis ".repeat(NoteController.MAX_TEXT / 10);

		String problem = write(patient, tooLong, TestTokens.staff("coordinator").bearer()).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		write(patient, "   ", TestTokens.staff("coordinator").bearer()).expectStatus().isBadRequest();

		assertThat(problem).contains("\"text\"").doesNotContain("secret-diagnosis");
		assertThat(jdbc.sql("select count(*) from clinical_note where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownPatientIsA404AndBillingIsRefused() {
		write(UUID.randomUUID(), FIRST, TestTokens.staff("coordinator").bearer()).expectStatus().isNotFound();
		UUID patient = registeredId(http, yasmine("notebilling"));
		http.get()
			.uri("/api/patients/{id}/notes", patient)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("billing").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private RestTestClient.ResponseSpec write(UUID patient, String text, String bearer) {
		return http.post()
			.uri("/api/patients/{id}/notes", patient)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(JSON.createObjectNode().put("text", text).toString())
			.exchange();
	}

}
