package care.parcours.patient.patients;

import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientExportIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theExportHoldsTheRecordItsIdentifiersAndWhoSawItAndIsItselfAudited() {
		UUID id = registeredId(http, yasmine("export"));
		http.get()
			.uri("/api/patients/{id}", id)
			.header("Authorization", TestTokens.staff("assistant").subject("leila.assistant").bearer())
			.header("X-Access-Purpose", "appointment")
			.exchange()
			.expectStatus()
			.isOk();

		JsonNode export = askedByThePatient(http.get()
			.uri("/api/patients/{id}/export", id)
			.header("Authorization", TestTokens.staff("admin").subject("dpo").bearer()));

		assertThat(export.path("patientId").asString()).isEqualTo(id.toString());
		assertThat(export.path("record").path("familyName").asString()).isEqualTo("Benali-export");
		assertThat(export.path("record").path("identifiers").findValuesAsString("type")).containsExactly("PASSPORT",
				"FR_NIR");
		JsonNode report = export.path("accessReport");
		assertThat(report.findValuesAsString("action")).containsExactly("CREATE", "READ");
		assertThat(report.get(1).path("who").asString()).isEqualTo("leila.assistant");
		assertThat(report.get(1).path("purpose").asString()).isEqualTo("appointment");
		assertThat(jdbc.sql("select actor from patient_access where patient_id = ? and action = 'EXPORT'")
			.param(id)
			.query(String.class)
			.list()).containsExactly("dpo");
	}

	@Test
	void theExportHoldsConsentsClinicalDataInClearAndTheDocumentListWithoutContents() {
		UUID id = registeredId(http, yasmine("export-all"));
		ClinicalFixtures.consent(http, id);
		ClinicalFixtures.vitalSign(http, id);
		ClinicalFixtures.allergy(http, id, "Allergy to penicillin");
		ClinicalFixtures.note(http, id, "Dyspnoea on exertion, referred to cardiology");
		ClinicalFixtures.document(http, id, ClinicalFixtures.pdf("Referral letter"));

		JsonNode export = askedByThePatient(http.get().uri("/api/patients/{id}/export", id));

		assertThat(export.propertyNames()).contains("record", "accessReport", "consents", "vitalSigns", "allergies",
				"medication", "notes", "documents");
		JsonNode consent = export.path("consents").get(0);
		assertThat(consent.path("purpose").asString()).isEqualTo("CARE_COORDINATION");
		assertThat(consent.path("grant").path("method").asString()).isEqualTo("SIGNED_FORM");
		assertThat(consent.path("grant").path("recordedBy").asString()).isNotBlank();
		assertThat(export.path("vitalSigns").get(0).path("code").asString()).isEqualTo("8867-4");
		assertThat(export.path("vitalSigns").get(0).path("value").asInt()).isEqualTo(72);
		assertThat(export.path("allergies").get(0).path("display").asString()).isEqualTo("Allergy to penicillin");
		assertThat(export.path("medication").isEmpty()).isTrue();
		assertThat(export.path("notes").get(0).path("text").asString())
			.isEqualTo("Dyspnoea on exertion, referred to cardiology");
		assertThat(export.path("notes").get(0).path("author").asString()).isEqualTo("amel.coordinator");
		JsonNode document = export.path("documents").get(0);
		assertThat(document.path("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(document.path("kind").asString()).isEqualTo("REFERRAL_LETTER");
		assertThat(document.path("sha256").asString()).hasSize(64);
		assertThat(document.has("content")).isFalse();
		// Reading the clinical data for the export is the export: one row, no READ_NOTES
		// or READ_OBSERVATIONS beside it.
		assertThat(jdbc.sql("select action from patient_access where patient_id = ? and action like 'READ%'")
			.param(id)
			.query(String.class)
			.list()).isEmpty();
	}

	@Test
	void anUnknownOrErasedPatientHasNoExportAndNothingIsAudited() {
		http.get().uri("/api/patients/{id}/export", UUID.randomUUID()).exchange().expectStatus().isNotFound();

		UUID id = registeredId(http, yasmine("export-erased"));
		http.post().uri("/api/patients/{id}/erasure", id).header("If-Match", "\"0\"").exchange().expectStatus().isOk();
		http.get().uri("/api/patients/{id}/export", id).exchange().expectStatus().isEqualTo(410);
		assertThat(jdbc.sql("select count(*) from patient_access where action = 'EXPORT' and patient_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void billingAndAssistantsDoNotExport() {
		UUID id = registeredId(http, yasmine("export-refused"));

		http.get()
			.uri("/api/patients/{id}/export", id)
			.header("Authorization", TestTokens.staff("billing", "assistant").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/** The export, answered 200 to a request that says the patient asked for it. */
	private static JsonNode askedByThePatient(RestTestClient.RequestHeadersSpec<?> export) {
		return export.header("X-Access-Purpose", "patient-request")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
