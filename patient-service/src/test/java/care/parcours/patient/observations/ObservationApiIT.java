package care.parcours.patient.observations;

import java.util.List;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class ObservationApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void vitalSignsAreRecordedCodedAndListedLatestMeasurementFirst() {
		UUID patient = registeredId(http, yasmine("vitals"));

		record(patient, """
				{"effectiveAt": "2026-01-05T08:00:00Z", "bodyWeight": 71.5, "bodyHeight": 168}
				""").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$[0].code")
			.isEqualTo("29463-7")
			.jsonPath("$[0].unit")
			.isEqualTo("kg")
			.jsonPath("$[0].system")
			.isEqualTo("http://loinc.org")
			.jsonPath("$[1].code")
			.isEqualTo("8302-2");
		record(patient, """
				{"effectiveAt": "2026-01-06T08:00:00Z", "systolicBloodPressure": 128, "diastolicBloodPressure": 84,
				 "bodyTemperature": 37.2, "heartRate": 72, "oxygenSaturation": 98}
				""").expectStatus().isCreated();

		http.get()
			.uri("/api/patients/{id}/vital-signs?size=5", patient)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("assistant").subject("nadia.assistant").bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(7)
			.jsonPath("$.content.length()")
			.isEqualTo(5)
			.jsonPath("$.content[0].effectiveAt")
			.isEqualTo("2026-01-06T08:00:00Z")
			.jsonPath("$.content[0].code")
			.isEqualTo("8480-6")
			.jsonPath("$.content[0].unit")
			.isEqualTo("mm[Hg]")
			.jsonPath("$.content[0].value")
			.isEqualTo(128)
			.jsonPath("$.content[2].unit")
			.isEqualTo("Cel")
			.jsonPath("$.content[2].value")
			.isEqualTo(37.2)
			.jsonPath("$.content[0].recordedBy")
			.isEqualTo("test-staff");

		assertThat(jdbc.sql("select action from patient_access where patient_id = ? order by id")
			.param(patient)
			.query(String.class)
			.list()).containsExactly("CREATE", "RECORD_OBSERVATIONS", "RECORD_OBSERVATIONS", "READ_OBSERVATIONS");
	}

	@Test
	void implausibleVitalSignsAreA422NamingTheFieldAndNothingIsStored() {
		UUID patient = registeredId(http, yasmine("implausible"));

		record(patient, """
				{"bodyWeight": 72, "bodyTemperature": 372}
				""").expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/implausible-vital-signs")
			.jsonPath("$.errors[0].field")
			.isEqualTo("bodyTemperature")
			.jsonPath("$.errors.length()")
			.isEqualTo(1);
		record(patient, """
				{"effectiveAt": "2099-01-01T00:00:00Z", "heartRate": 72}
				""").expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("effectiveAt");

		assertThat(jdbc.sql("select count(*) from vital_sign where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action <> 'CREATE'")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownPurposeIsRefusedBeforeTheVitalSignsAreWeighed() {
		UUID patient = registeredId(http, yasmine("implausible-purpose"));

		record(patient, "curiosity", """
				{"bodyWeight": 72, "bodyTemperature": 372}
				""").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("X-Access-Purpose");

		assertThat(jdbc.sql("select count(*) from vital_sign where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void allergiesAndMedicationAreCodedListsWithTheirDisplaySealed() {
		UUID patient = registeredId(http, yasmine("coded"));

		add(patient, "allergies", """
				{"system": "SNOMED_CT", "code": "91936005", "display": "Allergy to penicillin"}
				""").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.systemUri")
			.isEqualTo("http://snomed.info/sct");
		add(patient, "allergies", """
				{"system": "SNOMED_CT", "code": "300916003", "display": "Latex allergy"}
				""").expectStatus().isCreated();
		add(patient, "medications", """
				{"system": "ATC", "code": "n02be01", "display": "Paracetamol 1 g three times a day"}
				""").expectStatus().isCreated().expectBody().jsonPath("$.code").isEqualTo("N02BE01");

		http.get()
			.uri("/api/patients/{id}/allergies", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].display")
			.isEqualTo(List.of("Latex allergy", "Allergy to penicillin"));
		http.get()
			.uri("/api/patients/{id}/medications", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].display")
			.isEqualTo("Paracetamol 1 g three times a day")
			.jsonPath("$.page.totalElements")
			.isEqualTo(1);

		assertThat(jdbc.sql("select string_agg(encode(display, 'escape'), '') from coded_entry where patient_id = ?")
			.param(patient)
			.query(String.class)
			.single()).doesNotContain("penicillin", "Latex", "Paracetamol");
	}

	@Test
	void aCodeOfTheWrongShapeOrAnUnknownSystemIsRefusedAndNothingIsStored() {
		UUID patient = registeredId(http, yasmine("badcode"));

		refusedNaming(add(patient, "allergies", """
				{"system": "SNOMED_CT", "code": "91936006", "display": "Allergy to penicillin"}
				"""), "code");
		refusedNaming(add(patient, "medications", """
				{"system": "RXNORM", "code": "161", "display": "Acetaminophen"}
				"""), "system");

		assertThat(jdbc.sql("select count(*) from coded_entry where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownPatientIsA404() {
		UUID unknown = UUID.randomUUID();
		record(unknown, """
				{"heartRate": 72}
				""").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-not-found");
		http.get().uri("/api/patients/{id}/allergies", unknown).exchange().expectStatus().isNotFound();
	}

	@Test
	void billingAndAdminNeverSeeClinicalData() {
		UUID patient = registeredId(http, yasmine("clinicalroles"));
		for (String role : new String[] { "billing", "admin" }) {
			http.get()
				.uri("/api/patients/{id}/vital-signs", patient)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(role).bearer())
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		http.get()
			.uri("/api/patients/{id}/vital-signs", patient)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("coordinator").bearer())
			.exchange()
			.expectStatus()
			.isOk();
	}

	private RestTestClient.ResponseSpec record(UUID patient, String body) {
		return record(patient, null, body);
	}

	private RestTestClient.ResponseSpec record(UUID patient, @Nullable String purpose, String body) {
		return http.post()
			.uri("/api/patients/{id}/vital-signs", patient)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (purpose != null) {
					headers.set("X-Access-Purpose", purpose);
				}
			})
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec add(UUID patient, String list, String body) {
		return http.post()
			.uri("/api/patients/{id}/" + list, patient)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
