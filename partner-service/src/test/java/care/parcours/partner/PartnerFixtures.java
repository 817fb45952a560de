package care.parcours.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.partners.Accreditation;
import care.parcours.partner.partners.Address;
import care.parcours.partner.partners.Contact;
import care.parcours.partner.partners.ContactRole;
import care.parcours.partner.partners.Coordinates;
import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerKind;
import care.parcours.partner.partners.PartnerProfile;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Partners as tests need them. */
public final class PartnerFixtures {

	public static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	/** Lyon-Saint-Exupéry airport. */
	public static final Coordinates LYON_AIRPORT = new Coordinates(45.7256, 5.0811);

	private PartnerFixtures() {
	}

	public static Partner clinicInLyon() {
		return Partner.register(UUID.randomUUID(), PartnerKind.CLINIC, ZoneId.of("Europe/Paris"), lyonProfile(), NOW);
	}

	public static Partner hotelInLyon() {
		return Partner.register(UUID.randomUUID(), PartnerKind.HOTEL, ZoneId.of("Europe/Paris"),
				PartnerProfile.of("Hôtel des Brotteaux", "FR", "Lyon", List.of(), List.of("fr", "en")), NOW);
	}

	public static PartnerProfile lyonProfile() {
		return new PartnerProfile("Clinique du Parc", new Address("155 boulevard de Stalingrad", "69006", "Lyon", "FR"),
				new Coordinates(45.7719, 4.8531), List.of("orthopaedics"), List.of("fr", "en"),
				List.of(new Accreditation("HAS", "A", LocalDate.parse("2028-06-30"))),
				List.of(new Contact(ContactRole.INTERNATIONAL_DESK, "Bureau international", "international@example.org",
						"+33472000000")));
	}

	/** Posts a resource as JSON and answers the id of what was created. */
	public static UUID created(RestTestClient http, String path, Object body, Object... uriVariables) {
		return http.post()
			.uri(path, uriVariables)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Created.class)
			.returnResult()
			.getResponseBody()
			.id();
	}

	/** A clinic of its own, registered through the API as a coordinator would; its id. */
	public static UUID clinic(RestTestClient http) {
		return created(http, "/api/partners", clinicJson("Clinique " + UUID.randomUUID()));
	}

	private record Created(UUID id) {

	}

	/** The JSON a coordinator posts to register a clinic. */
	public static String clinicJson(String name) {
		return """
				{"name": "%s", "kind": "CLINIC", "country": "FR", "city": "Lyon", "timeZone": "Europe/Paris",
				 "specialties": ["orthopaedics", "cardiology"], "languages": ["fr", "en", "ar"]}
				""".formatted(name);
	}

}
