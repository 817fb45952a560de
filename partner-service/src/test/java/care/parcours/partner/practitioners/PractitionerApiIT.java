package care.parcours.partner.practitioners;

import java.util.UUID;

import care.parcours.events.partner.PartnerEvent;
import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PractitionerApiIT {

	/** Valid numbers: Luhn for RPPS, 97 minus the first six modulo 97 for INAMI. */
	private static final String[] RPPS = { "10003456786", "10012345673", "10000000009" };

	private static final String INAMI = "1-23456-25-580";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPractitionerIsRegisteredWithCheckedIdentifiersAndAnnouncedWithoutThem() {
		UUID clinic = clinic();
		PractitionerController.PractitionerView practitioner = registered(clinic,
				practitionerJson("Dr Amina Haddad", "[{\"type\": \"RPPS\", \"value\": \"" + RPPS[0]
						+ "\"}, {\"type\": \"INAMI\", \"value\": \"" + INAMI + "\"}]"));

		assertThat(practitioner.partnerIds()).containsExactly(clinic);
		assertThat(practitioner.identifiers()).extracting(ProfessionalIdentifier::value)
			.containsExactlyInAnyOrder(RPPS[0], "12345625580");

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(practitioner.id().toString()));
			assertThat(event.type()).isEqualTo("partner.practitioner.registered.v1");
			assertThat(event.value()).doesNotContain("Haddad").doesNotContain(RPPS[0]).doesNotContain("12345625580");
		}
	}

	@Test
	void aRegistrationRetriedWithItsIdempotencyKeyRegistersOnceAndAnswersAsTheFirstTime() {
		UUID clinic = clinic();
		String key = "register-" + UUID.randomUUID();
		String json = practitionerJson("Dr Retried", "[]");

		PractitionerController.PractitionerView first = registration(clinic).header("Idempotency-Key", key)
			.body(json)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PractitionerController.PractitionerView.class)
			.returnResult()
			.getResponseBody();
		registration(clinic).header("Idempotency-Key", key)
			.body(json)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectHeader()
			.valueEquals("Location", "/api/practitioners/" + first.id())
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(first.id().toString());
		registration(clinic).header("Idempotency-Key", key)
			.body(practitionerJson("Dr Someone Else", "[]"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/idempotency-key-reused");

		assertThat(practitionersOf(clinic)).isOne();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					RPPS check digit wrong | [{"type": "RPPS", "value": "10003456787"}]  | identifiers[0].value
					INAMI too short        | [{"type": "INAMI", "value": "1-23456-25"}]   | identifiers[0].value
					unknown register       | [{"type": "NPI", "value": "1234567893"}]     | identifiers[0].type
					one register twice     | [{"type": "RPPS", "value": "10003456786"}, {"type": "RPPS", "value": "10012345673"}] | identifiers[1].type
					""")
	void invalidIdentifiersAreRefusedNamingTheFieldAndWriteNothing(String caseName, String identifiers, String field) {
		UUID clinic = clinic();

		refusedNaming(register(clinic, practitionerJson("Dr Refused", identifiers)), field);

		assertThat(practitionersOf(clinic)).isZero();
	}

	@Test
	void aNumberHeldByAnotherPractitionerIsAConflict() {
		UUID clinic = clinic();
		String identifiers = "[{\"type\": \"RPPS\", \"value\": \"" + RPPS[1] + "\"}]";
		registered(clinic, practitionerJson("Dr First", identifiers));

		register(clinic, practitionerJson("Dr Second", identifiers)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/practitioner-identifier-taken");

		assertThat(practitionersOf(clinic)).isEqualTo(1);
	}

	@Test
	void aRevisionNeedsTheCurrentVersionAndIsAnnouncedToEveryPartner() {
		UUID clinic = clinic();
		PractitionerController.PractitionerView practitioner = registered(clinic,
				practitionerJson("Dr Jean Martin", "[]"));
		String revised = """
				{"name": "Dr Jean Martin", "specialties": ["orthopaedics", "oncology"], "languages": ["fr", "nl"],
				 "identifiers": [{"type": "RPPS", "value": "%s"}]}
				""".formatted(RPPS[2]);

		edit(practitioner.id(), null, revised).expectStatus().isEqualTo(428);
		edit(practitioner.id(), "\"0\"", revised).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.languages")
			.isEqualTo(java.util.List.of("fr", "nl"));
		edit(practitioner.id(), "\"0\"", revised).expectStatus().isEqualTo(409);

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(practitioner.id().toString())
				.and(PublishedEvents.ofType("partner.practitioner.updated.v1")));
			assertThat(event.data().path("partnerIds").get(0).asString()).isEqualTo(clinic.toString());
			assertThat(event.value()).doesNotContain(RPPS[2]);
		}
	}

	@Test
	void aPractitionerWorksForASecondClinicAndLeavesTheFirst() {
		UUID first = clinic();
		UUID second = clinic();
		PractitionerController.PractitionerView practitioner = registered(first,
				practitionerJson("Dr Sofia Peeters", "[]"));

		affiliation(practitioner.id(), second, "0", false).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.partnerIds.length()")
			.isEqualTo(2);
		affiliation(practitioner.id(), second, "1", false).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
		affiliation(practitioner.id(), first, "1", true).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.partnerIds")
			.isEqualTo(java.util.List.of(second.toString()));
		affiliation(practitioner.id(), second, "2", true).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/practitioner-needs-a-partner");

		assertThat(practitionersOf(first)).isZero();
		assertThat(practitionersOf(second)).isEqualTo(1);
		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			events.await(PublishedEvents.about(practitioner.id().toString())
				.and(PublishedEvents.ofType("partner.practitioner.left-partner.v1")));
			assertThat(events.all(PublishedEvents.about(practitioner.id().toString())))
				.extracting(PublishedEvents.Received::type)
				.containsExactly("partner.practitioner.registered.v1", "partner.practitioner.joined-partner.v1",
						"partner.practitioner.left-partner.v1");
		}
	}

	@Test
	void aPartnersPractitionersArePagedByName() {
		UUID clinic = clinic();
		registered(clinic, practitionerJson("Dr Zoé Lambert", "[]"));
		registered(clinic, practitionerJson("Dr Ahmed Benali", "[]"));

		http.get()
			.uri("/api/partners/{id}/practitioners?size=1", clinic)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].name")
			.isEqualTo("Dr Ahmed Benali")
			.jsonPath("$.page.totalElements")
			.isEqualTo(2);
	}

	private UUID clinic() {
		return PartnerFixtures.clinic(http);
	}

	private static String practitionerJson(String name, String identifiers) {
		return """
				{"name": "%s", "specialties": ["orthopaedics"], "languages": ["fr", "ar"], "identifiers": %s}
				""".formatted(name, identifiers);
	}

	private PractitionerController.PractitionerView registered(UUID partner, String json) {
		return register(partner, json).expectStatus()
			.isCreated()
			.expectBody(PractitionerController.PractitionerView.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec register(UUID partner, String json) {
		return registration(partner).body(json).exchange();
	}

	private RestTestClient.RequestBodySpec registration(UUID partner) {
		return http.post().uri("/api/partners/{id}/practitioners", partner).contentType(MediaType.APPLICATION_JSON);
	}

	private RestTestClient.ResponseSpec edit(UUID id, String ifMatch, String json) {
		var request = http.put().uri("/api/practitioners/{id}", id).contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		return request.body(json).exchange();
	}

	private RestTestClient.ResponseSpec affiliation(UUID practitioner, UUID partner, String version, boolean leave) {
		var request = leave ? http.delete() : http.put();
		return request.uri("/api/practitioners/{id}/partners/{partner}", practitioner, partner)
			.header("If-Match", "\"" + version + "\"")
			.exchange();
	}

	private long practitionersOf(UUID partner) {
		return jdbc.sql("select count(*) from practitioner_affiliation where partner_id = ?")
			.param(partner)
			.query(Long.class)
			.single();
	}

}
