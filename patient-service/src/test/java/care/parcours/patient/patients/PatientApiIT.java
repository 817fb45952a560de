package care.parcours.patient.patients;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.JSON;
import static care.parcours.patient.patients.PatientFixtures.register;
import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredPatientReadsBackWhileTheDatabaseHoldsOnlyCiphertextAndDigests() {
		UUID id = registeredId(http, yasmine("readback"));

		http.get()
			.uri("/api/patients/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody()
			.jsonPath("$.familyName")
			.isEqualTo("Benali-readback")
			.jsonPath("$.birthDate")
			.isEqualTo("1984-03-02")
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "fr"))
			.jsonPath("$.preferredLanguage")
			.isEqualTo("fr")
			.jsonPath("$.phone")
			.isEqualTo("+21261" + "2" + PatientFixtures.digits("readback", 6))
			.jsonPath("$.identifiers[0].issuingCountry")
			.isEqualTo("MA")
			.jsonPath("$.identifiers[1].type")
			.isEqualTo("FR_NIR")
			.jsonPath("$.emergencyContact.companion")
			.isEqualTo(true)
			.jsonPath("$.address.city")
			.isEqualTo("Casablanca");

		String stored = jdbc.sql("""
				select encode(identity, 'escape') || coalesce(key_id, '') || encryption
				       || (select string_agg(encode(digest, 'escape'), '') from patient_lookup where patient_id = p.id)
				       || (select encode(wrapped_keyset, 'escape') from patient_data_key where patient_id = p.id)
				from patient p where id = ?
				""").param(id).query(String.class).single();
		assertThat(stored).doesNotContainIgnoringCase("benali")
			.doesNotContain("Yasmine", "1984", "example.org", "Casablanca",
					"AB" + PatientFixtures.digits("readback", 7));
		assertThat(jdbc.sql("select encryption from patient where id = ?").param(id).query(String.class).single())
			.isEqualTo("DATA_KEY");
	}

	@Test
	void everyReadIsAuditedWithWhoRolesPurposeAndCorrelationId() {
		UUID id = registeredId(http, yasmine("audit"));

		http.get().uri("/api/patients/{id}", id).header("X-Correlation-Id", "audit-1").exchange().expectStatus().isOk();
		// The caller is the token's holder, whatever a query names.
		http.get()
			.uri("/api/patients/{id}?subject=mallory&roles=admin&purpose=emergency&partnerId={p}", id,
					UUID.randomUUID())
			.header("X-Correlation-Id", "audit-2")
			.header("X-Access-Purpose", "billing")
			.header("Authorization", TestTokens.staff("billing").subject("claire.billing").bearer())
			.exchange()
			.expectStatus()
			.isOk();

		List<Map<String, Object>> accesses = jdbc.sql("""
				select action, actor, array_to_string(roles, ',') as roles, purpose, correlation_id
				from patient_access where patient_id = ? order by id
				""").param(id).query().listOfRows();
		assertThat(accesses).extracting(row -> row.get("action")).containsExactly("CREATE", "READ", "READ");
		assertThat(accesses).extracting(row -> row.get("correlation_id")).endsWith("audit-1", "audit-2");
		assertThat(accesses).extracting(row -> row.get("actor")).endsWith("test-staff", "claire.billing");
		assertThat(accesses.get(2)).containsEntry("roles", "billing").containsEntry("purpose", "billing");
		assertThat(accesses.get(1).get("purpose")).isNull();
	}

	@Test
	void aPurposeOutsideTheListOrTwoPurposesAreRefusedAndNothingIsAudited() {
		UUID id = registeredId(http, yasmine("purpose"));

		refusedNaming(http.get().uri("/api/patients/{id}", id).header("X-Access-Purpose", "curiosity").exchange(),
				"X-Access-Purpose");
		refusedNaming(http.get()
			.uri("/api/patients/{id}", id)
			.header("X-Access-Purpose", "care-coordination", "billing")
			.exchange(), "X-Access-Purpose");

		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'READ'")
			.param(id)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * A body its annotations refuse is answered before the purpose is read; an unknown
	 * purpose is answered before the body is weighed by the domain's own rules.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			refused by its annotations  | nationality | "XX"             | nationality
			refused by its domain rules | phone       | "06 12 34 56 78" | X-Access-Purpose
			""")
	void aBadBodyWithAnUnknownPurposeIsRefusedNamingOne(String caseName, String field, String value, String named) {
		long before = stored();
		ObjectNode json = yasmine("bad-body-purpose-" + caseName.hashCode());
		json.set(field, JSON.readTree(value));

		http.post()
			.uri("/api/patients")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Access-Purpose", "curiosity")
			.body(json.toString())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(named);

		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void otherServicesLearnTheIdAndNothingElse() {
		UUID id = registeredId(http, yasmine("events"));

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(id.toString()));
			assertThat(event.type()).isEqualTo("patient.patient.registered.v1");
			assertThat(event.data().propertyNames()).containsExactly("patientId");
			assertThat(event.value()).doesNotContain("Benali", "Yasmine", "1984", "example.org", "+212");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					birth date in the future       | birthDate         | "2999-01-01"                                   | birthDate
					birth date impossible          | birthDate         | "1790-01-01"                                   | birthDate
					birth date not a date          | birthDate         | "02/03/1984"                                   | birthDate
					unknown sex                    | sex               | "X"                                            | sex
					bad email                      | email             | "not-an-email"                                 | email
					phone not E.164                | phone             | "06 12 34 56 78"                               | phone
					unknown nationality            | nationality       | "XX"                                           | nationality
					no language                    | languages         | []                                             | languages
					preferred language not spoken  | preferredLanguage | "nl"                                           | preferredLanguage
					NIR key wrong                  | identifiers       | [{"type": "FR_NIR", "value": "2 55 08 14 168 025 39"}] | identifiers[0].value
					Belgian check digits wrong     | identifiers       | [{"type": "BE_NATIONAL_REGISTER", "value": "85.07.30-033.27"}] | identifiers[0].value
					passport without country       | identifiers       | [{"type": "PASSPORT", "value": "AB123456"}]    | identifiers[0].issuingCountry
					passport too short             | identifiers       | [{"type": "PASSPORT", "value": "AB1", "issuingCountry": "MA"}] | identifiers[0].value
					insurer member without insurer | identifiers       | [{"type": "INSURER_MEMBER", "value": "123"}]   | identifiers[0].insurer
					contact phone national         | emergencyContact  | {"name": "Karim", "phone": "0661000000"}       | emergencyContact.phone
					""")
	void badInputIsRefusedNamingTheFieldWithoutEchoingItAndStoresNothing(String caseName, String property, String value,
			String field) {
		long before = stored();
		ObjectNode json = yasmine("bad-" + caseName.hashCode());
		json.set(property, JSON.readTree(value));

		register(http, json).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain("Benali", "2 55 08 14", "85.07.30", "06 12 34", "0661000000", "not-an-email"));

		assertThat(stored()).isEqualTo(before);
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

	@Test
	void anIdentityCopiedIntoAnotherPatientsRowDoesNotDecrypt() {
		UUID mine = registeredId(http, yasmine("moved-from"));
		UUID theirs = registeredId(http, yasmine("moved-to"));
		jdbc.sql("update patient set identity = (select identity from patient where id = ?) where id = ?")
			.params(mine, theirs)
			.update();

		http.get()
			.uri("/api/patients/{id}", theirs)
			.exchange()
			.expectStatus()
			.is5xxServerError()
			.expectBody()
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain("Benali", "Yasmine"));

		// Even with its data key copied too: the key unwraps only as the patient it was
		// made for.
		jdbc.sql("""
				update patient_data_key set wrapped_keyset = (select wrapped_keyset from patient_data_key
				                                             where patient_id = ?)
				where patient_id = ?
				""").params(mine, theirs).update();
		http.get().uri("/api/patients/{id}", theirs).exchange().expectStatus().is5xxServerError();
		http.get().uri("/api/patients/{id}", mine).exchange().expectStatus().isOk();
	}

	private long stored() {
		return jdbc.sql("""
				select (select count(*) from patient) + (select count(*) from patient_lookup)
				       + (select count(*) from patient_data_key)
				""").query(Long.class).single();
	}

}
