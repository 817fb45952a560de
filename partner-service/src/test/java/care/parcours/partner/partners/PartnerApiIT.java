package care.parcours.partner.partners;

import java.util.UUID;

import care.parcours.events.partner.PartnerEvent;
import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.partner.partners.PartnerRegistrations.register;
import static care.parcours.partner.partners.PartnerRegistrations.registered;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PartnerApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredPartnerCanBeReadBackAndIsAnnounced() {
		var created = register(http, PartnerFixtures.clinicJson("Clinique du Parc")).expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody(PartnerController.PartnerView.class)
			.returnResult();
		PartnerController.PartnerView partner = created.getResponseBody();
		assertThat(created.getResponseHeaders().getLocation()).hasPath("/api/partners/" + partner.id());

		http.get()
			.uri("/api/partners/{id}", partner.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Clinique du Parc")
			.jsonPath("$.kind")
			.isEqualTo("CLINIC")
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Paris")
			.jsonPath("$.languages")
			.isEqualTo(java.util.List.of("fr", "en", "ar"));

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(partner.id().toString()));
			assertThat(event.type()).isEqualTo("partner.partner.registered.v1");
			assertThat(event.key()).isEqualTo(partner.id().toString());
			assertThat(event.data().path("timeZone").asString()).isEqualTo("Europe/Paris");
			assertThat(event.value()).doesNotContain("Clinique du Parc");
		}
	}

	@Test
	void partnersArePagedInNameOrder() {
		String prefix = "Paging " + UUID.randomUUID() + " ";
		for (String letter : new String[] { "C", "A", "B" }) {
			register(http, PartnerFixtures.clinicJson(prefix + letter)).expectStatus().isCreated();
		}

		http.get()
			.uri("/api/partners?page=0&size=2")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(2)
			.jsonPath("$.page.size")
			.isEqualTo(2)
			.jsonPath("$.page.number")
			.isEqualTo(0)
			.jsonPath("$.page.totalElements")
			.value(total -> assertThat(((Number) total).longValue()).isGreaterThanOrEqualTo(3));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown kind         | kind        | "SPA"            | kind
					wrong time zone      | timeZone    | "Mars/Olympus"   | timeZone
					offset is not a zone | timeZone    | "+01:00"         | timeZone
					lower-case country   | country     | "fr"             | country
					unknown language     | languages   | ["xx"]           | languages[0]
					unknown specialty    | specialties | ["astrology"]    | specialties[0]
					blank name           | name        | " "              | name
					number for a text    | city        | 42               | city
					latitude off Earth   | location    | {"latitude": 91, "longitude": 4.8} | location.latitude
					invalid email        | contacts    | [{"role": "BILLING", "name": "Compta", "email": "compta@"}] | contacts[0].email
					phone not E.164      | contacts    | [{"role": "BILLING", "name": "Compta", "phone": "04 72 00"}] | contacts[0].phone
					accreditation no end | accreditations | [{"issuer": "HAS", "level": "A"}] | accreditations[0].expiresOn
					""")
	void badInputIsRefusedNamingTheFieldAndWritesNothing(String caseName, String property, String value, String field) {
		long partnersBefore = count();
		ObjectNode json = (ObjectNode) JSON.readTree(PartnerFixtures.clinicJson("Refused"));
		json.set(property, JSON.readTree(value));

		refusedNaming(register(http, json.toString()), field);

		assertThat(count()).isEqualTo(partnersBefore);
	}

	@Test
	void missingFieldsAreAllListed() {
		register(http, "{}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat((java.util.List<Object>) fields).contains("name", "kind", "country", "city",
					"timeZone", "specialties", "languages"));
	}

	@Test
	void anUnknownPartnerIsNotFound() {
		http.get()
			.uri("/api/partners/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/partner-not-found");
	}

	@Test
	void theSpecialtyVocabularyIsListedInThreeLanguages() {
		http.get()
			.uri("/api/partners/specialties")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'orthopaedics')].nameFr")
			.isEqualTo("Orthopédie")
			.jsonPath("$[?(@.code == 'orthopaedics')].nameNl")
			.isEqualTo("Orthopedie");
	}

	@Test
	void theWholeProfileIsStoredAndReadBackWithoutContactsInTheEvent() {
		PartnerController.PartnerView partner = registered(http, FULL_PROFILE.formatted("Clinique Saint-Exupéry"));

		http.get()
			.uri("/api/partners/{id}", partner.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ONBOARDING")
			.jsonPath("$.street")
			.isEqualTo("155 boulevard de Stalingrad")
			.jsonPath("$.location.latitude")
			.isEqualTo(45.7719)
			.jsonPath("$.accreditations[0].issuer")
			.isEqualTo("HAS")
			.jsonPath("$.accreditations[0].expiresOn")
			.isEqualTo("2028-06-30")
			.jsonPath("$.contacts[0].role")
			.isEqualTo("INTERNATIONAL_DESK");

		try (PublishedEvents events = PublishedEvents.on(PartnerEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(partner.id().toString()));
			assertThat(event.value()).doesNotContain("international@example.org")
				.doesNotContain("Stalingrad")
				.doesNotContain("+33472000000");
		}
	}

	private static final String FULL_PROFILE = """
			{"name": "%s", "kind": "CLINIC", "country": "FR", "city": "Lyon", "street": "155 boulevard de Stalingrad",
			 "postalCode": "69006", "timeZone": "Europe/Paris", "location": {"latitude": 45.7719, "longitude": 4.8531},
			 "specialties": ["orthopaedics"], "languages": ["fr", "en"],
			 "accreditations": [{"issuer": "HAS", "level": "A", "expiresOn": "2028-06-30"}],
			 "contacts": [{"role": "INTERNATIONAL_DESK", "name": "Bureau international",
			               "email": "international@example.org", "phone": "+33472000000"}]}
			""";

	private long count() {
		return jdbc.sql("select count(*) from partner").query(Long.class).single();
	}

}
