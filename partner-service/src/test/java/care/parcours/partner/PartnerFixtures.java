package care.parcours.partner;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerKind;

/** Partners as tests need them. */
public final class PartnerFixtures {

	private PartnerFixtures() {
	}

	public static Partner clinicInLyon() {
		return Partner.register(UUID.randomUUID(), "Clinique du Parc", PartnerKind.CLINIC, "FR", "Lyon",
				ZoneId.of("Europe/Paris"), List.of("orthopaedics"), List.of("fr", "en"),
				Instant.parse("2026-11-23T08:00:00Z"));
	}

	public static Partner hotelInLyon() {
		return Partner.register(UUID.randomUUID(), "Hôtel des Brotteaux", PartnerKind.HOTEL, "FR", "Lyon",
				ZoneId.of("Europe/Paris"), List.of(), List.of("fr", "en"), Instant.parse("2026-11-23T08:00:00Z"));
	}

	/** The JSON a coordinator posts to register a clinic. */
	public static String clinicJson(String name) {
		return """
				{"name": "%s", "kind": "CLINIC", "country": "FR", "city": "Lyon", "timeZone": "Europe/Paris",
				 "specialties": ["orthopaedics", "cardiology"], "languages": ["fr", "en", "ar"]}
				""".formatted(name);
	}

}
