package care.parcours.partner.resources;

import java.util.List;
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

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class ResourceApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInterpreterOfAnAgencyIsRegisteredAndAnnouncedWithLanguagesButWithoutTheirName() {
		UUID agency = PartnerFixtures.created(http, "/api/partners", """
				{"name": "Tolken %s", "kind": "INTERPRETER", "country": "BE", "city": "Brussel",
				 "timeZone": "Europe/Brussels", "specialties": [], "languages": ["nl", "ar"]}
				""".formatted(UUID.randomUUID()));

		ResourceController.ResourceView interpreter = registered(agency, """
				{"kind": "INTERPRETER", "label": "Youssef Amrani", "languages": ["ar", "nl", "fr"]}
				""");

		assertThat(interpreter.timeZone()).isEqualTo("Europe/Brussels");
		assertThat(interpreter.languages()).containsExactly("ar", "nl", "fr");
		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(interpreter.id().toString()));
			assertThat(event.type()).isEqualTo("partner.resource.registered.v1");
			assertThat(event.data().path("kind").asString()).isEqualTo("INTERPRETER");
			assertThat(event.data().path("partnerId").asString()).isEqualTo(agency.toString());
			assertThat(event.value()).doesNotContain("Youssef").doesNotContain("Amrani");
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no kind                    | {"label": "Bloc A"}                                                    | kind
					unknown kind               | {"kind": "HELIPAD", "label": "Toit"}                                   | kind
					blank label                | {"kind": "MRI", "label": " "}                                          | label
					unknown specialty          | {"kind": "OPERATING_ROOM", "label": "Bloc A", "specialties": ["magic"]} | specialties
					interpreter without tongue | {"kind": "INTERPRETER", "label": "Desk"}                               | languages
					not a language code        | {"kind": "INTERPRETER", "label": "Desk", "languages": ["arabic"]}      | languages[0]
					a scanner speaking         | {"kind": "CT", "label": "Scanner", "languages": ["fr"]}                | languages
					a bed with a specialty     | {"kind": "RECOVERY_BED", "label": "Lit 4", "specialties": ["oncology"]} | specialties
					""")
	void invalidResourcesAreRefusedNamingTheFieldAndWriteNothing(String caseName, String json, String field) {
		UUID clinic = clinic();

		register(clinic, json).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.value((String named) -> assertThat(named).startsWith(field));

		assertThat(resourcesOf(clinic)).isZero();
	}

	@Test
	void aHotelKeepsNoOperatingRoom() {
		UUID hotel = PartnerFixtures.created(http, "/api/partners", """
				{"name": "Hôtel %s", "kind": "HOTEL", "country": "FR", "city": "Lyon", "timeZone": "Europe/Paris",
				 "specialties": [], "languages": ["fr"]}
				""".formatted(UUID.randomUUID()));

		register(hotel, """
				{"kind": "OPERATING_ROOM", "label": "Suite 12"}
				""").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-kind-not-kept-there");
		assertThat(resourcesOf(hotel)).isZero();
	}

	@Test
	void aRevisionNeedsTheCurrentVersionAndARetiredResourceLeavesTheListButStaysReadable() {
		UUID clinic = clinic();
		ResourceController.ResourceView room = registered(clinic, """
				{"kind": "OPERATING_ROOM", "label": "Bloc A", "specialties": ["orthopaedics"]}
				""");
		String revised = """
				{"label": "Bloc A (ortho)", "specialties": ["orthopaedics", "oncology"]}
				""";

		http.put()
			.uri("/api/resources/{id}", room.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(revised)
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		edit(room.id(), "0", revised).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.specialties")
			.isEqualTo(List.of("orthopaedics", "oncology"));
		edit(room.id(), "0", revised).expectStatus().isEqualTo(409);
		retire(room.id(), "1").expectStatus().isOk().expectBody().jsonPath("$.retired").isEqualTo(true);
		edit(room.id(), "2", revised).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-retired");

		http.get().uri("/api/resources/{id}", room.id()).exchange().expectStatus().isOk();
		assertThat(resourcesOf(clinic)).isEqualTo(1);
		http.get()
			.uri("/api/partners/{id}/resources", clinic)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(0);
		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			events.await(PublishedEvents.about(room.id().toString())
				.and(PublishedEvents.ofType("partner.resource.retired.v1")));
			assertThat(events.all(PublishedEvents.about(room.id().toString())))
				.extracting(PublishedEvents.Received::type)
				.containsExactly("partner.resource.registered.v1", "partner.resource.updated.v1",
						"partner.resource.retired.v1");
		}
	}

	@Test
	void aPartnersResourcesArePagedByLabelAndFilteredByKind() {
		UUID clinic = clinic();
		registered(clinic, "{\"kind\": \"MRI\", \"label\": \"IRM 1.5T\"}");
		registered(clinic, "{\"kind\": \"OPERATING_ROOM\", \"label\": \"Bloc B\"}");
		registered(clinic, "{\"kind\": \"OPERATING_ROOM\", \"label\": \"Bloc A\"}");

		http.get()
			.uri("/api/partners/{id}/resources?size=2", clinic)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].label")
			.isEqualTo(List.of("Bloc A", "Bloc B"))
			.jsonPath("$.page.totalElements")
			.isEqualTo(3);
		http.get()
			.uri("/api/partners/{id}/resources?kind=MRI", clinic)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].label")
			.isEqualTo(List.of("IRM 1.5T"));
		http.get()
			.uri("/api/partners/{id}/resources?kind=HELIPAD", clinic)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private UUID clinic() {
		return PartnerFixtures.clinic(http);
	}

	private ResourceController.ResourceView registered(UUID partner, String json) {
		return register(partner, json).expectStatus()
			.isCreated()
			.expectBody(ResourceController.ResourceView.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec register(UUID partner, String json) {
		return http.post()
			.uri("/api/partners/{id}/resources", partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private RestTestClient.ResponseSpec edit(UUID id, String version, String json) {
		return http.put()
			.uri("/api/resources/{id}", id)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private RestTestClient.ResponseSpec retire(UUID id, String version) {
		return http.delete().uri("/api/resources/{id}", id).header("If-Match", "\"" + version + "\"").exchange();
	}

	private long resourcesOf(UUID partner) {
		return jdbc.sql("select count(*) from resource where partner_id = ?").param(partner).query(Long.class).single();
	}

}
