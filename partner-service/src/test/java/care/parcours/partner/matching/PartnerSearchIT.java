package care.parcours.partner.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each test searches within a city of its own, so that partners made by the other tests
 * never match.
 */
@ParcoursTest
class PartnerSearchIT {

	@Autowired
	RestTestClient http;

	@Test
	void partnersWhoseSurgeonsSpeakThePatientsLanguageComeFirstWithTheirReasons() {
		String city = uniqueCity();
		UUID arabicSurgeons = activePartner("CLINIC", city, "[\"orthopaedics\"]", "[\"fr\"]", null, "");
		practitioner(arabicSurgeons, "[\"orthopaedics\"]", "[\"fr\", \"ar\"]");
		practitioner(arabicSurgeons, "[\"orthopaedics\"]", "[\"ar\"]");
		UUID arabicDesk = activePartner("CLINIC", city, "[\"orthopaedics\"]", "[\"fr\", \"ar\"]", null, "");
		practitioner(arabicDesk, "[\"orthopaedics\"]", "[\"fr\"]");
		UUID cardiology = activePartner("HOSPITAL", city, "[\"cardiology\"]", "[\"fr\"]", null, "");
		practitioner(cardiology, "[\"cardiology\"]", "[\"ar\"]");

		List<Match> matches = search("specialty=orthopaedics&language=ar&city=" + city);

		assertThat(matches).extracting(Match::partnerId).containsExactly(arabicSurgeons, arabicDesk);
		assertThat(matches.get(0).score()).isGreaterThan(matches.get(1).score());
		assertThat(matches.get(0).reasons()).extracting(Reason::explanation)
			.containsExactly("2 practitioners practise orthopaedics", "2 of them speak Arabic", "in " + city + ", FR");
		assertThat(matches.get(1).reasons()).extracting(Reason::explanation)
			.contains("1 practitioner practises orthopaedics", "its staff speak Arabic");
	}

	@Test
	void onlyActivePartnersAreProposed() {
		String city = uniqueCity();
		UUID active = activePartner("CLINIC", city, "[\"fertility\"]", "[\"fr\"]", null, "");
		UUID onboarding = partner("CLINIC", city, "[\"fertility\"]", "[\"fr\"]", null, "");
		UUID suspended = activePartner("CLINIC", city, "[\"fertility\"]", "[\"fr\"]", null, "");
		move(suspended, 1, "SUSPENDED");

		assertThat(search("specialty=fertility&city=" + city)).extracting(Match::partnerId)
			.containsExactly(active)
			.doesNotContain(onboarding, suspended);
	}

	@Test
	void nearAnAirportPartnersWithinTheRadiusAreRankedByDistance() {
		String city = uniqueCity();
		// Lyon-Saint-Exupéry is at 45.7256,5.0811.
		UUID far = activePartner("CLINIC", city, "[\"dentistry\"]", "[\"fr\"]", "[45.75, 4.85]", "");
		UUID near = activePartner("CLINIC", city, "[\"dentistry\"]", "[\"fr\"]", "[45.73, 5.10]", "");
		activePartner("CLINIC", city, "[\"dentistry\"]", "[\"fr\"]", "[45.19, 5.72]", "");
		activePartner("CLINIC", city, "[\"dentistry\"]", "[\"fr\"]", null, "");

		List<Match> matches = search("specialty=dentistry&near=45.7256,5.0811&withinKm=30&city=" + city);

		assertThat(matches).extracting(Match::partnerId).containsExactly(near, far);
		assertThat(matches.get(0).distanceKm()).isBetween(1.0, 2.5);
		assertThat(matches.get(1).distanceKm()).isBetween(17.0, 19.0);
		assertThat(matches.get(0).reasons()).extracting(Reason::criterion).contains(Reason.Criterion.DISTANCE);
	}

	@Test
	void anAccreditationMustStillHoldOnTheDayAsked() {
		String city = uniqueCity();
		LocalDate inAYear = LocalDate.now().plusYears(1);
		UUID shortHas = activePartner("CLINIC", city, "[\"urology\"]", "[\"fr\"]", null,
				accreditation("HAS", "A", inAYear));
		UUID longJci = activePartner("HOSPITAL", city, "[\"urology\"]", "[\"fr\"]", null,
				accreditation("JCI", "Gold Seal", inAYear.plusYears(3)));

		assertThat(search("city=" + city + "&accreditedOn=" + inAYear.plusDays(1))).extracting(Match::partnerId)
			.containsExactly(longJci);
		assertThat(search("city=" + city + "&accreditedBy=has")).extracting(Match::partnerId).containsExactly(shortHas);
		assertThat(search("city=" + city + "&accreditedOn=" + inAYear + "&kind=HOSPITAL").getFirst().reasons())
			.extracting(Reason::explanation)
			.contains("JCI Gold Seal, valid until " + inAYear.plusYears(3) + " (asked for " + inAYear + ")",
					"is a HOSPITAL");
	}

	@Test
	void aProviderMatchesALanguageByWhatItsStaffSpeak() {
		String city = uniqueCity();
		UUID interpreter = activePartner("INTERPRETER", city, "[]", "[\"ar\", \"ru\"]", null, "");
		activePartner("INTERPRETER", city, "[]", "[\"es\"]", null, "");

		assertThat(search("kind=INTERPRETER&language=ru&city=" + city)).extracting(Match::partnerId)
			.containsExactly(interpreter);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown specialty        | specialty=astrology                | specialty
			expired accreditation    | accreditedOn=2020-01-01            | accreditedOn
			not a date               | accreditedOn=tomorrow              | accreditedOn
			radius without a point   | withinKm=50                        | withinKm
			point not a pair         | near=45.72                         | near
			latitude off Earth       | near=95,5&withinKm=10              | near
			unknown kind             | kind=SPA                           | kind
			unknown language         | language=xx                        | language
			lower-case country       | country=fr                         | country
			""")
	void badSearchesAreRefusedNamingTheParameter(String caseName, String query, String field) {
		refusedNaming(http.get().uri("/api/partners/search?" + query).exchange(), field);
	}

	record Matches(List<Match> content) {

	}

	private List<Match> search(String query) {
		return http.get()
			.uri("/api/partners/search?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Matches.class)
			.returnResult()
			.getResponseBody()
			.content();
	}

	private static String uniqueCity() {
		return "Ville-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String accreditation(String issuer, String level, LocalDate expiresOn) {
		return """
				, "accreditations": [{"issuer": "%s", "level": "%s", "expiresOn": "%s"}]
				""".formatted(issuer, level, expiresOn);
	}

	private UUID activePartner(String kind, String city, String specialties, String languages,
			@Nullable String location, String more) {
		UUID id = partner(kind, city, specialties, languages, location, more);
		move(id, 0, "ACTIVE");
		return id;
	}

	private UUID partner(String kind, String city, String specialties, String languages, @Nullable String location,
			String more) {
		String at = location == null ? ""
				: ", \"location\": {\"latitude\": %s, \"longitude\": %s}".formatted(
						location.substring(1, location.indexOf(',')),
						location.substring(location.indexOf(',') + 1, location.length() - 1));
		String json = """
				{"name": "Partenaire %s", "kind": "%s", "country": "FR", "city": "%s", "timeZone": "Europe/Paris",
				 "specialties": %s, "languages": %s %s %s}
				""".formatted(UUID.randomUUID(), kind, city, specialties, languages, at, more);
		return PartnerFixtures.created(http, "/api/partners", json);
	}

	private void move(UUID partner, long version, String status) {
		http.put()
			.uri("/api/partners/{id}/status", partner)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\": \"" + status + "\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void practitioner(UUID partner, String specialties, String languages) {
		http.post().uri("/api/partners/{id}/practitioners", partner).contentType(MediaType.APPLICATION_JSON).body("""
				{"name": "Dr %s", "specialties": %s, "languages": %s}
				""".formatted(UUID.randomUUID(), specialties, languages)).exchange().expectStatus().isCreated();
	}

}
