package care.parcours.patient.patients;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String YASMINE = """
			{"givenName": "Yasmine", "familyName": "Benali", "birthDate": "1984-03-02", "sex": "FEMALE",
			 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"],
			 "email": "yasmine@example.org", "phone": "+212612345678"}
			""";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredPatientReadsBackWhileTheDatabaseHoldsOnlyCiphertext() {
		UUID id = register(YASMINE).expectStatus()
			.isCreated()
			.expectBody(PatientController.PatientView.class)
			.returnResult()
			.getResponseBody()
			.id();

		http.get()
			.uri("/api/patients/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.familyName")
			.isEqualTo("Benali")
			.jsonPath("$.birthDate")
			.isEqualTo("1984-03-02")
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "fr"));

		byte[] stored = jdbc.sql("select identity from patient where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Benali").doesNotContain("Yasmine");
	}

	@Test
	void everyReadIsAuditedWithItsCorrelationId() {
		UUID id = register(YASMINE).expectBody(PatientController.PatientView.class)
			.returnResult()
			.getResponseBody()
			.id();

		http.get().uri("/api/patients/{id}", id).header("X-Correlation-Id", "audit-1").exchange().expectStatus().isOk();
		http.get()
			.uri("/api/patients/{id}", id)
			.header("X-Correlation-Id", "audit-2")
			.header("Authorization", TestTokens.staff("billing").subject("claire.billing").bearer())
			.exchange()
			.expectStatus()
			.isOk();

		List<Map<String, Object>> accesses = jdbc
			.sql("select action, actor, correlation_id from patient_access where patient_id = ? order by id")
			.param(id)
			.query()
			.listOfRows();
		assertThat(accesses).extracting(row -> row.get("action")).containsExactly("CREATE", "READ", "READ");
		assertThat(accesses).extracting(row -> row.get("correlation_id")).endsWith("audit-1", "audit-2");
		assertThat(accesses).extracting(row -> row.get("actor")).endsWith("test-staff", "claire.billing");
	}

	@Test
	void otherServicesLearnTheIdAndNothingElse() {
		UUID id = register(YASMINE).expectBody(PatientController.PatientView.class)
			.returnResult()
			.getResponseBody()
			.id();

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(id.toString()));
			assertThat(event.type()).isEqualTo("patient.patient.registered.v1");
			assertThat(event.data().propertyNames()).containsExactly("patientId");
			assertThat(event.value()).doesNotContain("Benali", "Yasmine", "1984", "example.org", "+212");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			birth date in the future | birthDate   | "2999-01-01"         | birthDate
			birth date not a date    | birthDate   | "02/03/1984"         | birthDate
			unknown sex              | sex         | "X"                  | sex
			bad email                | email       | "not-an-email"       | email
			phone not E.164          | phone       | "06 12 34 56 78"     | phone
			unknown nationality      | nationality | "XX"                 | nationality
			no language              | languages   | []                   | languages
			""")
	void badInputIsRefusedWithoutEchoingItAndWritesNothing(String caseName, String property, String value,
			String field) {
		long before = jdbc.sql("select count(*) from patient").query(Long.class).single();
		ObjectNode json = (ObjectNode) JSON.readTree(YASMINE);
		json.set(property, JSON.readTree(value));

		register(json.toString()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain("Benali"));

		assertThat(jdbc.sql("select count(*) from patient").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anUnknownPatientIsNotFoundAndNothingIsAudited() {
		UUID unknown = UUID.randomUUID();

		http.get().uri("/api/patients/{id}", unknown).exchange().expectStatus().isNotFound();

		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ?")
			.param(unknown)
			.query(Long.class)
			.single()).isZero();
	}

	private RestTestClient.ResponseSpec register(String json) {
		return http.post().uri("/api/patients").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

}
