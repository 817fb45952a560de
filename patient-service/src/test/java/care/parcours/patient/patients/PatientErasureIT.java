package care.parcours.patient.patients;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestTokens;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest(properties = "parcours.patient.erasure.poll-interval=200ms")
@WithMutableClock
class PatientErasureIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void anErasureDestroysTheKeyAndIndexesKeepsATombstoneAndTellsOtherServices() {
		UUID id = registeredId(http, yasmine("erase"));

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			JsonNode erasure = erase(id, "\"0\"", null).expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(erasure.path("status").asString()).isEqualTo("ERASED");
			String erasedAt = erasure.path("erasedAt").asString();

			PublishedEvents.Received event = events
				.await(PublishedEvents.ofType("patient.patient.erased.v1").and(PublishedEvents.about(id.toString())));
			assertThat(event.data().propertyNames()).containsExactlyInAnyOrder("patientId", "erasedAt");
			assertThat(event.data().path("patientId").asString()).isEqualTo(id.toString());
		}

		assertThat(count("select count(*) from patient_data_key where patient_id = ?", id)).isZero();
		assertThat(count("select count(*) from patient_lookup where patient_id = ?", id)).isZero();
		assertThat(count("select count(*) from patient where id = ? and status = 'ERASED' and identity is null", id))
			.isOne();
		http.get()
			.uri("/api/patients/{id}", id)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-erased")
			.jsonPath("$.erasedAt")
			.exists();
		http.post()
			.uri("/api/patients/lookup")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"yasmine.erase@example.org\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content")
			.isEmpty();
		http.get()
			.uri("/api/patients?page=0&size=100")
			.exchange()
			.expectBody()
			.jsonPath("$.content[?(@.id == '%s')]".formatted(id))
			.isEmpty();
		erase(id, "\"1\"", null).expectStatus().isEqualTo(410);
		assertThat(jdbc.sql("select action from patient_access where patient_id = ? order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("CREATE", "ERASE");
	}

	@Test
	void anErasureDeletesEveryClinicalRowKeepsConsentsAsEvidenceAndTheirEndpointsAnswerGone() {
		UUID id = registeredId(http, yasmine("erase-clinical"));
		ClinicalFixtures.consent(http, id);
		ClinicalFixtures.vitalSign(http, id);
		ClinicalFixtures.allergy(http, id, "Allergy to penicillin");
		ClinicalFixtures.note(http, id, "Dyspnoea on exertion");
		ClinicalFixtures.document(http, id, ClinicalFixtures.pdf("Referral letter"));
		assertThat(count("select count(*) from patient_document_content where document_id in "
				+ "(select id from patient_document where patient_id = ?)", id))
			.isOne();

		erase(id, "\"0\"", null).expectStatus().isOk();

		for (String table : List.of("vital_sign", "coded_entry", "clinical_note", "patient_document")) {
			assertThat(count("select count(*) from " + table + " where patient_id = ?", id)).as(table).isZero();
		}
		assertThat(count("select count(*) from patient_document_content c join patient_document d "
				+ "on d.id = c.document_id where d.patient_id = ?", id))
			.isZero();
		assertThat(count("select count(*) from consent where patient_id = ?", id)).as("consents kept as evidence")
			.isOne();
		for (String path : List.of("vital-signs", "allergies", "medications", "notes", "documents", "consents")) {
			http.get()
				.uri("/api/patients/{id}/" + path, id)
				.exchange()
				.expectStatus()
				.isEqualTo(410)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://parcours.care/problems/patient-erased");
		}
		http.post()
			.uri("/api/patients/{id}/notes", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"after\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(410);
	}

	@Test
	void theSamePersonCanBeRegisteredAgainOnceErased() {
		UUID id = registeredId(http, yasmine("again"));
		erase(id, "\"0\"", null).expectStatus().isOk();

		assertThat(registeredId(http, yasmine("again"))).isNotEqualTo(id);
	}

	@Test
	void aLegalHoldDefersTheErasureUntilTheDayAfterItsEndAndTheJobCarriesItOut() {
		UUID id = registeredId(http, yasmine("hold"));
		LocalDate retainUntil = LocalDate.now(clock).plusDays(30);

		erase(id, "\"0\"", "{\"retainUntil\": \"%s\", \"reason\": \"LEGAL_HOLD\"}".formatted(retainUntil))
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PENDING")
			.jsonPath("$.retainUntil")
			.isEqualTo(retainUntil.toString())
			.jsonPath("$.dueAt")
			.isEqualTo(retainUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
		http.get().uri("/api/patients/{id}", id).exchange().expectStatus().isOk();

		clock.advance(Duration.ofDays(30));
		http.get().uri("/api/patients/{id}", id).exchange().expectStatus().isOk();
		assertThat(count("select count(*) from patient_data_key where patient_id = ?", id)).isOne();

		clock.advance(Duration.ofDays(1));
		await().untilAsserted(() -> http.get().uri("/api/patients/{id}", id).exchange().expectStatus().isEqualTo(410));
		assertThat(count("select count(*) from patient_data_key where patient_id = ?", id)).isZero();
		assertThat(count("select count(*) from patient_erasure where patient_id = ? and erased_at is not null", id))
			.isOne();
		assertThat(jdbc.sql("select actor from patient_access where patient_id = ? and action = 'ERASE'")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("patient-service");
	}

	@Test
	void aHoldWithoutItsReasonOrInThePastIsRefusedAndChangesNothing() {
		UUID id = registeredId(http, yasmine("bad-hold"));

		refusedNaming(erase(id, "\"0\"", "{\"retainUntil\": \"2040-01-01\"}"), "reason");
		refusedNaming(erase(id, "\"0\"", "{\"retainUntil\": \"2020-01-01\", \"reason\": \"RETENTION_PERIOD\"}"),
				"retainUntil");
		erase(id, "\"0\"", "{\"reason\": \"BECAUSE\"}").expectStatus().isBadRequest();

		assertThat(count("select count(*) from patient_erasure where patient_id = ?", id)).isZero();
		http.get().uri("/api/patients/{id}", id).exchange().expectStatus().isOk();
	}

	@Test
	void anErasureOnAStaleVersionOrWithoutIfMatchIsRefused() {
		UUID id = registeredId(http, yasmine("stale-erase"));

		erase(id, "\"7\"", null).expectStatus().isEqualTo(409);
		http.post().uri("/api/patients/{id}/erasure", id).exchange().expectStatus().isEqualTo(428);
		erase(UUID.randomUUID(), "\"0\"", null).expectStatus().isNotFound();

		assertThat(count("select count(*) from patient_data_key where patient_id = ?", id)).isOne();
	}

	@Test
	void onlyAnAdministratorErases() {
		UUID id = registeredId(http, yasmine("coordinator-erase"));

		http.post()
			.uri("/api/patients/{id}/erasure", id)
			.header("Authorization", TestTokens.staff("coordinator", "assistant", "billing").bearer())
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isForbidden();

		assertThat(count("select count(*) from patient_data_key where patient_id = ?", id)).isOne();
	}

	private RestTestClient.ResponseSpec erase(UUID id, String ifMatch, String body) {
		RestTestClient.RequestBodySpec request = http.post()
			.uri("/api/patients/{id}/erasure", id)
			.header("If-Match", ifMatch)
			.header("X-Access-Purpose", "patient-request");
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.exchange();
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
