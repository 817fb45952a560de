package care.parcours.partner.partners;

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
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.partner.partners.PartnerRegistrations.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits and status changes: each needs the version it was made on, in If-Match. */
@ParcoursTest
class PartnerEditingIT {

	@Autowired
	RestTestClient http;

	@Test
	void anEditWithoutIfMatchIsRefusedAsPreconditionRequiredAndWritesNothing() {
		PartnerController.PartnerView partner = registered(http, PartnerFixtures.clinicJson("Clinique sans version"));

		http.put()
			.uri("/api/partners/{id}", partner.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(PROFILE.formatted("Renamed", "cardiology"))
			.exchange()
			.expectStatus()
			.isEqualTo(428)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/precondition-required");

		assertThat(read(partner.id()).name()).isEqualTo("Clinique sans version");
		assertThat(read(partner.id()).version()).isZero();
	}

	@Test
	void anEditOnTheCurrentVersionAnswersTheNextOneAndIsAnnounced() {
		PartnerController.PartnerView partner = registered(http, PartnerFixtures.clinicJson("Clinique à renommer"));

		edit(partner.id(), "\"0\"", PROFILE.formatted("Clinique renommée", "oncology")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Clinique renommée")
			.jsonPath("$.city")
			.isEqualTo("Villeurbanne")
			.jsonPath("$.kind")
			.isEqualTo("CLINIC");

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(partner.id().toString())
				.and(PublishedEvents.ofType("partner.partner.updated.v1")));
			assertThat(event.envelope().path("aggregateVersion").asLong()).isEqualTo(1);
			assertThat(event.data().path("city").asString()).isEqualTo("Villeurbanne");
			assertThat(event.value()).doesNotContain("Clinique renommée");
		}
	}

	@Test
	void anEditOnAStaleVersionIsAConflictAndKeepsTheOtherEdit() {
		PartnerController.PartnerView partner = registered(http, PartnerFixtures.clinicJson("Clinique disputée"));
		edit(partner.id(), "\"0\"", PROFILE.formatted("First edit", "oncology")).expectStatus().isOk();

		edit(partner.id(), "\"0\"", PROFILE.formatted("Second edit", "cardiology")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(1);

		assertThat(read(partner.id()).name()).isEqualTo("First edit");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown specialty | "0"     | astrology  | 400 | validation-failed
			weak tag          | W/"0"   | cardiology | 400 | validation-failed
			not a version     | "abc"   | cardiology | 400 | validation-failed
			any version       | *       | cardiology | 428 | precondition-required
			""")
	void anEditWithBadInputWritesNothing(String caseName, String ifMatch, String specialty, int status, String type) {
		PartnerController.PartnerView partner = registered(http, PartnerFixtures.clinicJson("Clinique intacte"));

		edit(partner.id(), ifMatch, PROFILE.formatted("Changed", specialty)).expectStatus()
			.isEqualTo(status)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/" + type);

		assertThat(read(partner.id()).version()).isZero();
		assertThat(read(partner.id()).name()).isEqualTo("Clinique intacte");
	}

	@Test
	void aPartnerIsActivatedSuspendedAndNeverBackToOnboarding() {
		PartnerController.PartnerView partner = registered(http, PartnerFixtures.clinicJson("Clinique en cours"));

		move(partner.id(), "0", "ACTIVE").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
		move(partner.id(), "1", "ACTIVE").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/partner-status-unchanged");
		move(partner.id(), "1", "ONBOARDING").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/partner-onboarding-over");
		move(partner.id(), "1", "SUSPENDED").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			events.await(PublishedEvents.about(partner.id().toString())
				.and(PublishedEvents.ofType("partner.partner.suspended.v1")));
			assertThat(events.all(PublishedEvents.about(partner.id().toString())))
				.extracting(PublishedEvents.Received::type)
				.containsSubsequence("partner.partner.registered.v1", "partner.partner.activated.v1",
						"partner.partner.suspended.v1");
		}
	}

	private static final String PROFILE = """
			{"name": "%s", "country": "FR", "city": "Villeurbanne", "specialties": ["orthopaedics", "%s"],
			 "languages": ["fr", "en"]}
			""";

	private PartnerController.PartnerView read(UUID id) {
		return http.get()
			.uri("/api/partners/{id}", id)
			.exchange()
			.expectBody(PartnerController.PartnerView.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec edit(UUID id, String ifMatch, String json) {
		return http.put()
			.uri("/api/partners/{id}", id)
			.header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private RestTestClient.ResponseSpec move(UUID id, String version, String status) {
		return http.put()
			.uri("/api/partners/{id}/status", id)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\": \"" + status + "\"}")
			.exchange();
	}

}
