package care.parcours.patient.patients;

import java.util.List;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.JSON;
import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientEditingIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditOnTheCurrentVersionReplacesTheIdentityAndIsAudited() {
		UUID id = registeredId(http, yasmine("edit"));
		ObjectNode revised = yasmine("edit");
		revised.put("phone", "+33 (0)6 12 34 56 78");
		revised.set("languages", JSON.readTree("[\"ar\", \"fr\", \"en\"]"));
		revised.put("preferredLanguage", "en");

		put(id, revised, "\"0\"").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.phone")
			.isEqualTo("+33612345678")
			.jsonPath("$.preferredLanguage")
			.isEqualTo("en")
			.jsonPath("$.version")
			.isEqualTo(1);

		http.get()
			.uri("/api/patients/{id}", id)
			.exchange()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "fr", "en"));
		assertThat(jdbc.sql("select action from patient_access where patient_id = ? order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CREATE", "UPDATE", "READ");
	}

	@Test
	void anEditOnAnOlderVersionIsAConflictAndChangesNothing() {
		UUID id = registeredId(http, yasmine("stale"));
		put(id, yasmine("stale"), "\"0\"").expectStatus().isOk();
		ObjectNode late = yasmine("stale");
		late.put("givenName", "Yasmina");

		put(id, late, "\"0\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(1);

		http.get().uri("/api/patients/{id}", id).exchange().expectBody().jsonPath("$.givenName").isEqualTo("Yasmine");
	}

	@Test
	void anEditWithoutIfMatchIsRefusedWith428() {
		UUID id = registeredId(http, yasmine("no-if-match"));

		http.put()
			.uri("/api/patients/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(yasmine("no-if-match").toString())
			.exchange()
			.expectStatus()
			.isEqualTo(428)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/precondition-required");
	}

	@Test
	void anEditWithABadIdentifierIsRefusedAndTheRecordStaysAsItWas() {
		UUID id = registeredId(http, yasmine("bad-edit"));
		ObjectNode revised = yasmine("bad-edit");
		revised.set("identifiers", JSON.readTree("[{\"type\": \"BE_NATIONAL_REGISTER\", \"value\": \"85073003327\"}]"));

		refusedNaming(put(id, revised, "\"0\""), "identifiers[0].value");

		http.get()
			.uri("/api/patients/{id}", id)
			.exchange()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody()
			.jsonPath("$.identifiers[1].type")
			.isEqualTo("FR_NIR");
	}

	@Test
	void anUnknownPatientCannotBeEdited() {
		put(UUID.randomUUID(), yasmine("unknown"), "\"0\"").expectStatus().isNotFound();
	}

	@Test
	void coordinatorsListNamesAuditedWhileBillingSeesIdsOnly() {
		UUID first = registeredId(http, yasmine("list-1"));
		registeredId(http, yasmine("list-2"));

		http.get()
			.uri("/api/patients?page=0&size=100")
			.header("Authorization", TestTokens.staff("coordinator").subject("nadia.coordinator").bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[?(@.id == '%s')].familyName".formatted(first))
			.isEqualTo(List.of("Benali-list-1"))
			.jsonPath("$.page.size")
			.isEqualTo(100);
		assertThat(jdbc.sql("select count(*) from patient_access where action = 'LIST' and patient_id = ?")
			.param(first)
			.query(Long.class)
			.single()).isOne();

		http.get()
			.uri("/api/patients?page=0&size=1")
			.header("Authorization", TestTokens.staff("billing").bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(1)
			.jsonPath("$.content[0].id")
			.exists()
			.jsonPath("$.content[0].familyName")
			.doesNotExist()
			.jsonPath("$.content[0].birthDate")
			.doesNotExist()
			.jsonPath("$.page.totalElements")
			.value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(2));
		assertThat(jdbc.sql("select count(*) from patient_access where action = 'LIST' and 'billing' = any(roles)")
			.query(Long.class)
			.single()).isZero();
	}

	private RestTestClient.ResponseSpec put(UUID id, ObjectNode body, String ifMatch) {
		return http.put()
			.uri("/api/patients/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", ifMatch)
			.body(body.toString())
			.exchange();
	}

}
