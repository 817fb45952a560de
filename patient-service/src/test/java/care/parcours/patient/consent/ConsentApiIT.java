package care.parcours.patient.consent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.consent.ConsentFixtures.grant;
import static care.parcours.patient.consent.ConsentFixtures.granted;
import static care.parcours.patient.consent.ConsentFixtures.patient;
import static care.parcours.patient.consent.ConsentFixtures.sharingWith;
import static care.parcours.patient.consent.ConsentFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class ConsentApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConsentIsRecordedWithWhoAndHowThenWithdrawnAndBothStayInTheHistory() {
		UUID patient = patient(http, "history");
		UUID research = granted(http, patient, """
				{"purpose": "RESEARCH", "method": "SIGNED_FORM", "effectiveFrom": "2026-01-10T09:00:00Z"}
				""");
		UUID email = granted(http, patient, "{\"purpose\": \"CONTACT_BY_EMAIL\", \"method\": \"ELECTRONIC\"}");

		withdraw(http, patient, research, "\"0\"").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.current")
			.isEqualTo(false)
			.jsonPath("$.withdrawal.method")
			.isEqualTo("ORAL")
			.jsonPath("$.withdrawal.recordedBy")
			.isEqualTo("test-staff")
			.jsonPath("$.effectiveFrom")
			.isEqualTo("2026-01-10T09:00:00Z");

		http.get()
			.uri("/api/patients/{id}/consents?size=10", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(2)
			.jsonPath("$.content[0].id")
			.isEqualTo(email.toString())
			.jsonPath("$.content[0].current")
			.isEqualTo(true)
			.jsonPath("$.content[0].recordedBy")
			.isEqualTo("test-staff")
			.jsonPath("$.content[0].method")
			.isEqualTo("ELECTRONIC")
			.jsonPath("$.content[1].id")
			.isEqualTo(research.toString())
			.jsonPath("$.content[1].purpose")
			.isEqualTo("RESEARCH")
			.jsonPath("$.content[1].current")
			.isEqualTo(false);

		http.get()
			.uri("/api/patients/{id}/consents/{consent}", patient, research)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
	}

	@Test
	void everyConsentChangeAndReadIsAudited() {
		UUID patient = patient(http, "audited");
		UUID consent = granted(http, patient, "{\"purpose\": \"CARE_COORDINATION\", \"method\": \"ORAL\"}");
		withdraw(http, patient, consent, "\"0\"").expectStatus().isOk();
		http.get()
			.uri("/api/patients/{id}/consents", patient)
			.header("X-Access-Purpose", "care-coordination")
			.header("X-Correlation-Id", "consents-read-1")
			.exchange()
			.expectStatus()
			.isOk();

		List<Map<String, Object>> rows = jdbc.sql("""
				select action, item_id, actor, purpose, correlation_id, outcome
				from patient_access where patient_id = ? order by id
				""").param(patient).query().listOfRows();
		assertThat(rows).extracting(row -> row.get("action"))
			.containsExactly("CREATE", "CONSENT_GRANT", "CONSENT_WITHDRAW", "CONSENT_LIST");
		assertThat(rows.get(1).get("item_id")).isEqualTo(consent);
		assertThat(rows.get(2).get("item_id")).isEqualTo(consent);
		assertThat(rows.get(3)).containsEntry("purpose", "care-coordination")
			.containsEntry("correlation_id", "consents-read-1")
			.containsEntry("actor", "test-staff")
			.containsEntry("outcome", "ALLOWED");
	}

	@Test
	void eventsCarryIdsThePurposeCodeAndTimesAndNothingOfThePatient() {
		UUID patient = patient(http, "events");
		UUID partner = UUID.randomUUID();
		UUID consent = sharingWith(http, patient, partner);
		withdraw(http, patient, consent, "\"0\"").expectStatus().isOk();

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			PublishedEvents.Received grantedEvent = events.await(PublishedEvents.ofType("patient.consent.granted.v1")
				.and(PublishedEvents.about(consent.toString())));
			PublishedEvents.Received withdrawnEvent = events
				.await(PublishedEvents.ofType("patient.consent.withdrawn.v1")
					.and(PublishedEvents.about(consent.toString())));

			assertThat(grantedEvent.data().propertyNames()).containsExactlyInAnyOrder("consentId", "patientId",
					"purpose", "partnerId", "effectiveFrom", "recordedAt");
			assertThat(withdrawnEvent.data().propertyNames()).containsExactlyInAnyOrder("consentId", "patientId",
					"purpose", "partnerId", "effectiveFrom", "withdrawnAt");
			assertThat(grantedEvent.data().get("patientId").asString()).isEqualTo(patient.toString());
			assertThat(grantedEvent.data().get("partnerId").asString()).isEqualTo(partner.toString());
			assertThat(withdrawnEvent.data().get("purpose").asString()).isEqualTo("SHARING_WITH_PARTNER");
			for (PublishedEvents.Received event : List.of(grantedEvent, withdrawnEvent)) {
				assertThat(event.value()).doesNotContainIgnoringCase("vandenbroucke")
					.doesNotContain("Inès", "1979", "example.be", "+32470", "test-staff", "SIGNED_FORM");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown purpose                 | {"purpose": "MARKETING", "method": "ORAL"}                          | purpose
					no purpose                      | {"method": "ORAL"}                                                  | purpose
					unknown method                  | {"purpose": "RESEARCH", "method": "TELEPATHY"}                      | method
					sharing without partner         | {"purpose": "SHARING_WITH_PARTNER", "method": "ORAL"}               | partnerId
					partner for another purpose     | {"purpose": "RESEARCH", "partnerId": "%s", "method": "ORAL"}        | partnerId
					partner not an id               | {"purpose": "SHARING_WITH_PARTNER", "partnerId": "x", "method": "ORAL"} | partnerId
					""")
	void badConsentsAreRefusedNamingTheFieldAndNothingIsStored(String caseName, String body, String field) {
		UUID patient = patient(http, "bad-" + Math.abs(caseName.hashCode()));
		long before = stored(patient);

		grant(http, patient, body.formatted(UUID.randomUUID())).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);

		assertThat(stored(patient)).isEqualTo(before);
	}

	@Test
	void aConsentIsWithdrawnOnceAndTheSecondAttemptChangesNothing() {
		UUID patient = patient(http, "twice");
		UUID consent = granted(http, patient, "{\"purpose\": \"CONTACT_BY_MESSAGE\", \"method\": \"ORAL\"}");
		withdraw(http, patient, consent, "\"0\"").expectStatus().isOk();
		long before = stored(patient);

		withdraw(http, patient, consent, "\"1\"").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/consent-already-withdrawn");

		assertThat(stored(patient)).isEqualTo(before);
	}

	@Test
	void aWithdrawalBeforeTheGrantOrOnAStaleVersionOrWithoutIfMatchIsRefused() {
		UUID patient = patient(http, "early");
		UUID consent = granted(http, patient, """
				{"purpose": "RESEARCH", "method": "SIGNED_FORM", "effectiveFrom": "2026-06-01T00:00:00Z"}
				""");
		long before = stored(patient);

		http.post()
			.uri("/api/patients/{id}/consents/{consent}/withdrawal", patient, consent)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.header("If-Match", "\"0\"")
			.body("{\"method\": \"ORAL\", \"withdrawnAt\": \"2026-05-31T23:59:59Z\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/withdrawal-before-grant");
		withdraw(http, patient, consent, "\"3\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
		http.post()
			.uri("/api/patients/{id}/consents/{consent}/withdrawal", patient, consent)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body("{\"method\": \"ORAL\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(428);

		assertThat(stored(patient)).isEqualTo(before);
	}

	@Test
	void anUnknownPatientOrConsentIsNotFoundAndNothingIsStored() {
		UUID unknown = UUID.randomUUID();
		long consentsBefore = jdbc.sql("select count(*) from consent").query(Long.class).single();

		grant(http, unknown, "{\"purpose\": \"RESEARCH\", \"method\": \"ORAL\"}").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-not-found");
		http.get().uri("/api/patients/{id}/consents", unknown).exchange().expectStatus().isNotFound();
		UUID patient = patient(http, "unknown-consent");
		withdraw(http, patient, UUID.randomUUID(), "\"0\"").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/consent-not-found");

		assertThat(jdbc.sql("select count(*) from consent").query(Long.class).single()).isEqualTo(consentsBefore);
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action <> 'CREATE'")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Consents, withdrawals and audit rows of a patient: all a refusal must not add to.
	 * (Its events would be written with the consent, in the transaction that failed.)
	 */
	private long stored(UUID patient) {
		return jdbc.sql("""
				select (select count(*) from consent where patient_id = :patient)
				       + (select count(*) from consent where patient_id = :patient and withdrawn_at is not null)
				       + (select count(*) from patient_access where patient_id = :patient)
				""").param("patient", patient).query(Long.class).single();
	}

}
