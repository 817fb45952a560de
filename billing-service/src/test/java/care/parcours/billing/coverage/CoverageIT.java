package care.parcours.billing.coverage;

import java.time.LocalDate;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.events.billing.BillingEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.PublishedEvents.about;
import static care.parcours.test.PublishedEvents.ofType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage through HTTP: a quote shows what each insurer and the patient pay, line by
 * line; one that needs an insurer's prior authorisation is accepted only once it is
 * approved for the insurer's share.
 */
@ParcoursTest
class CoverageIT {

	@Autowired
	RestTestClient http;

	BillingApi api;

	UUID partner;

	UUID patient;

	UUID hip;

	UUID hotel;

	@BeforeEach
	void catalogue() {
		api = new BillingApi(http);
		partner = UUID.randomUUID();
		patient = UUID.randomUUID();
		String suffix = Integer.toString(100 + (int) (Math.random() * 900));
		hip = api.item("MEDICAL_ACT", "INAMI", "289" + suffix);
		hotel = api.item("HOTEL", "PARCOURS", "HOTEL-C" + suffix);
		api.tariff(hip, partner, "9800.00", "0");
		api.tariff(hotel, partner, "120.00", "10");
	}

	@Test
	void aQuoteShowsLineByLineWhatEachInsurerAndThePatientPay() {
		UUID national = api.insurer("NATIONAL", "INAMI-" + UUID.randomUUID().toString().substring(0, 8));
		UUID mutual = api.insurer("MUTUAL", "MC-" + UUID.randomUUID().toString().substring(0, 8));
		api.policy(patient, national, "0.00", "[{\"kind\": \"MEDICAL_ACT\", \"sharePercent\": 70}]");
		api.policy(patient, mutual, "50.00",
				"[{\"kind\": \"MEDICAL_ACT\", \"sharePercent\": 100, \"ceiling\": {\"amount\": \"2000.00\", \"currency\": \"EUR\"}}]");

		JsonNode version = BillingApi.body(api.post("/api/quotes", quote())).get("versions").get(0);

		JsonNode act = version.get("lines").get(0);
		assertThat(act.get("shares").get(0).get("insurerId").asString()).isEqualTo(national.toString());
		assertThat(act.get("shares").get(0).get("amount").get("amount").asString()).isEqualTo("6860.00");
		assertThat(act.get("shares").get(1).get("amount").get("amount").asString()).isEqualTo("1950.00");
		assertThat(act.get("patientShare").get("amount").asString()).isEqualTo("990.00");
		assertThat(version.get("lines").get(1).get("patientShare").get("amount").asString()).isEqualTo("396.00");
		assertThat(version.get("totals").get("insurers").get("amount").asString()).isEqualTo("8810.00");
		assertThat(version.get("totals").get("patient").get("amount").asString()).isEqualTo("1386.00");
		assertThat(version.get("totals").get("total").get("amount").asString()).isEqualTo("10196.00");
	}

	@Test
	void aQuoteNeedingPriorAuthorisationIsAcceptedOnlyOnceTheInsurerApprovedItsShare() {
		UUID insurer = api.insurer("PRIVATE_INTERNATIONAL", "GLOBAL-" + UUID.randomUUID().toString().substring(0, 8));
		UUID policy = api.policy(patient, insurer, "0.00",
				"[{\"kind\": \"MEDICAL_ACT\", \"sharePercent\": 80, \"authorisationRequired\": true}]");
		UUID pathway = UUID.randomUUID();
		JsonNode drafted = BillingApi.body(api.post("/api/quotes", quote(pathway)));
		String id = drafted.get("id").asString();
		api.act("/api/quotes/" + id + "/send", "\"0\"").expectStatus().isOk();

		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/authorisation-required")
			.jsonPath("$.policyIds[0]")
			.isEqualTo(policy.toString());

		JsonNode requested = BillingApi
			.body(api.post("/api/quotes/" + id + "/authorisations", "{\"policyId\": \"" + policy + "\"}")
				.expectStatus()
				.isCreated());
		assertThat(requested.get("requestedAmount").get("amount").asString()).isEqualTo("7840.00");
		api.post("/api/quotes/" + id + "/authorisations", "{\"policyId\": \"" + policy + "\"}")
			.expectStatus()
			.isEqualTo(409);
		String authorisation = requested.get("id").asString();
		// Approved for less than its share: the patient cannot accept this version.
		decide(id, authorisation, "\"0\"", "7000.00").expectStatus().isOk();
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"").expectStatus().isEqualTo(422);

		// The next version is split on what the insurer approved: it can be accepted.
		JsonNode revised = BillingApi.body(http.put()
			.uri("/api/quotes/{id}", id)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"currency": "EUR", "language": "en", "validUntil": "%s",
					 "lines": [{"itemId": "%s", "quantity": 1}, {"itemId": "%s", "quantity": 3}]}
					""".formatted(LocalDate.now().plusDays(20), hip, hotel))
			.exchange());
		JsonNode second = revised.get("versions").get(1);
		assertThat(second.get("lines").get(0).get("shares").get(0).get("amount").get("amount").asString())
			.isEqualTo("7000.00");
		assertThat(second.get("totals").get("patient").get("amount").asString()).isEqualTo("3196.00");
		api.act("/api/quotes/" + id + "/send", "\"2\"").expectStatus().isOk();
		api.act("/api/quotes/" + id + "/versions/2/accept", "\"3\"")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED");

		try (PublishedEvents events = PublishedEvents.on(BillingEvent.TOPIC)) {
			PublishedEvents.Received decided = events
				.await(about(authorisation).and(ofType("billing.authorisation.decided.v1")));
			assertThat(decided.envelope().get("pathwayId").asString()).isEqualTo(pathway.toString());
			assertThat(decided.data().get("outcome").asString()).isEqualTo("APPROVED");
			assertThat(decided.data().get("approvedAmount").asString()).isEqualTo("7000.00");
		}
	}

	@Test
	void aRefusedAuthorisationKeepsTheQuoteFromBeingAcceptedAndMayBeAskedAgain() {
		UUID insurer = api.insurer("MUTUAL", "MUT-" + UUID.randomUUID().toString().substring(0, 8));
		UUID policy = api.policy(patient, insurer, "0.00",
				"[{\"kind\": \"HOTEL\", \"sharePercent\": 50, \"authorisationRequired\": true}]");
		String id = BillingApi.body(api.post("/api/quotes", quote())).get("id").asString();
		api.act("/api/quotes/" + id + "/send", "\"0\"").expectStatus().isOk();
		String authorisation = BillingApi
			.body(api.post("/api/quotes/" + id + "/authorisations", "{\"policyId\": \"" + policy + "\"}"))
			.get("id")
			.asString();

		api.post("/api/quotes/" + id + "/authorisations/" + authorisation + "/decision", "{\"outcome\": \"REFUSED\"}",
				"\"0\"")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REFUSED");
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"").expectStatus().isEqualTo(422);
		api.post("/api/quotes/" + id + "/authorisations/" + authorisation + "/decision", "{\"outcome\": \"REFUSED\"}",
				"\"1\"")
			.expectStatus()
			.isEqualTo(409);
		api.post("/api/quotes/" + id + "/authorisations", "{\"policyId\": \"" + policy + "\"}")
			.expectStatus()
			.isCreated();
	}

	private RestTestClient.ResponseSpec decide(String quote, String authorisation, String ifMatch, String amount) {
		return api.post("/api/quotes/" + quote + "/authorisations/" + authorisation + "/decision", """
				{"outcome": "APPROVED", "approvedAmount": {"amount": "%s", "currency": "EUR"}, "validUntil": "%s"}
				""".formatted(amount, LocalDate.now().plusDays(60)), ifMatch);
	}

	private String quote() {
		return quote(UUID.randomUUID());
	}

	private String quote(UUID pathway) {
		return """
				{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "currency": "EUR", "language": "en",
				 "validUntil": "%s", "lines": [{"itemId": "%s", "quantity": 1}, {"itemId": "%s", "quantity": 3}]}
				""".formatted(patient, partner, pathway, LocalDate.now().plusDays(20), hip, hotel);
	}

}
