package care.parcours.scheduling.slots;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest
class SlotSearchIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SchedulingFixtures(http, jdbc);
	}

	@Test
	void slotsOfPractitionersInDifferentZonesComeEarliestFirstWithUtcAndLocalTimes() {
		String specialty = "cardiology";
		Practitioner lisbon = fixtures.practitioner("Europe/Lisbon", specialty, "pt", "PT", "Lisboa");
		Practitioner paris = fixtures.practitioner("Europe/Paris", specialty, "pt", "FR", "Paris");
		fixtures.weekdays(lisbon, "09:00", "10:00");
		fixtures.weekdays(paris, "09:00", "10:00");
		LocalDate tuesday = nextWeek(DayOfWeek.TUESDAY);

		List<Map<String, Object>> slots = search("specialty=" + specialty + "&language=pt&appointmentType=consultation"
				+ "&from=" + tuesday + "&to=" + tuesday + "&size=10");

		// 09:00 in Paris is an hour before 09:00 in Lisbon.
		assertThat(slots).extracting(s -> s.get("practitionerId"))
			.containsExactly(paris.id().toString(), paris.id().toString(), lisbon.id().toString(),
					lisbon.id().toString());
		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly(tuesday + "T09:00:00", tuesday + "T09:30:00", tuesday + "T09:00:00",
					tuesday + "T09:30:00");
		assertThat(slots.getFirst().get("timeZone")).isEqualTo("Europe/Paris");
		assertThat(Instant.parse((String) slots.getFirst().get("start")))
			.isEqualTo(tuesday.atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
	}

	@Test
	void criteriaNarrowThePractitioners() {
		Practitioner lyon = fixtures.practitioner("Europe/Paris", "oncology", "ru", "FR", "Lyon");
		Practitioner brussels = fixtures.practitioner("Europe/Brussels", "oncology", "nl", "BE", "Bruxelles");
		fixtures.weekdays(lyon, "09:00", "10:00");
		fixtures.weekdays(brussels, "09:00", "10:00");
		LocalDate day = nextWeek(DayOfWeek.WEDNESDAY);
		String period = "&from=" + day + "&to=" + day;

		assertThat(practitioners("specialty=oncology&country=BE" + period)).containsOnly(brussels.id().toString());
		assertThat(practitioners("specialty=oncology&city=lyon" + period)).containsOnly(lyon.id().toString());
		assertThat(practitioners("specialty=oncology&language=nl" + period)).containsOnly(brussels.id().toString());
		assertThat(practitioners("partnerId=" + lyon.partnerId() + period)).containsOnly(lyon.id().toString());
		assertThat(practitioners("specialty=oncology&duration=120" + period)).isEmpty();
		assertThat(practitioners(
				"practitionerId=" + brussels.id() + "&appointmentType=surgery&mode=TELECONSULTATION" + period))
			.isEmpty();
	}

	@Test
	void aPractitionersNewDetailsFromPartnerServiceChangeWhatFindsThem() {
		Practitioner practitioner = fixtures.practitioner("Europe/Paris", "dermatology", "ru", "FR", "Lyon");
		fixtures.weekdays(practitioner, "09:00", "10:00");
		LocalDate day = nextWeek(DayOfWeek.THURSDAY);
		String period = "&from=" + day + "&to=" + day;
		assertThat(practitioners("specialty=dermatology&language=ru" + period)).contains(practitioner.id().toString());

		TestEvents.publish(new PractitionerUpdated(practitioner.id(), List.of(practitioner.partnerId()), "Europe/Paris",
				List.of("rheumatology"), List.of("uk")), practitioner.id(), 1);

		await().untilAsserted(() -> assertThat(practitioners("specialty=rheumatology&language=uk" + period))
			.contains(practitioner.id().toString()));
		assertThat(practitioners("specialty=dermatology&language=ru" + period))
			.doesNotContain(practitioner.id().toString());
	}

	@Test
	void pagesFollowEachOtherWithoutGapOrRepeat() {
		Practitioner one = fixtures.practitioner("Europe/Paris", "fertility", "es", "FR", "Nice");
		Practitioner two = fixtures.practitioner("Europe/Paris", "fertility", "es", "FR", "Nice");
		fixtures.weekdays(one, "09:00", "12:00");
		fixtures.weekdays(two, "09:00", "12:00");
		LocalDate first = nextWeek(DayOfWeek.MONDAY);
		String query = "specialty=fertility&appointmentType=consultation&from=" + first + "&to=" + first.plusDays(2);

		List<Object> all = starts(http.get().uri("/api/slots?" + query + "&size=100"));
		List<Object> paged = new ArrayList<>();
		String after = null;
		do {
			Map<?, ?> page = okJson(
					http.get().uri("/api/slots?" + query + "&size=7" + (after == null ? "" : "&after=" + after)));
			((List<?>) page.get("content")).forEach(slot -> paged.add(key((Map<?, ?>) slot)));
			after = (String) ((Map<?, ?>) page.get("page")).get("next");
		}
		while (after != null);

		assertThat(all).hasSize(2 * 3 * 6);
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void bookedSlotsAreNotOffered() {
		Practitioner surgeon = fixtures.practitioner("Europe/Paris", "urology", "fr", "FR", "Lille");
		fixtures.weekdays(surgeon, "09:00", "10:00");
		LocalDate day = nextWeek(DayOfWeek.THURSDAY);
		Instant nine = day.atTime(9, 0).atZone(surgeon.zone()).toInstant();
		fixtures.book(surgeon, fixtures.patient(), nine, "consultation", "IN_PERSON");

		assertThat(
				search("practitionerId=" + surgeon.id() + "&appointmentType=consultation&from=" + day + "&to=" + day))
			.extracting(s -> s.get("localStart"))
			.containsExactly(day + "T09:30:00");
	}

	@Test
	void datesAreReadInThePatientsZoneWhenOneIsGiven() {
		Practitioner paris = fixtures.practitioner("Europe/Paris", "dermatology", "fr", "FR", "Paris");
		fixtures.weekdays(paris, "09:00", "10:00");
		LocalDate day = nextWeek(DayOfWeek.FRIDAY);

		// Friday in Honolulu starts at 11:00 in Paris: that Friday's Paris morning is
		// Thursday there.
		assertThat(search("practitionerId=" + paris.id() + "&from=" + day + "&to=" + day + "&zone=Pacific/Honolulu"))
			.allSatisfy(slot -> assertThat((String) slot.get("localStart")).startsWith(day.plusDays(3).toString()));
	}

	@Test
	void slotsFollowTheClinicsClockAcrossADaylightSavingChange() {
		Practitioner paris = fixtures.practitioner("Europe/Paris", "ophthalmology", "fr", "FR", "Paris");
		fixtures.weekdays(paris, "09:00", "09:30");

		List<Map<String, Object>> slots = search(
				"practitionerId=" + paris.id() + "&appointmentType=consultation&from=2027-03-26&to=2027-03-29");

		assertThat(slots).extracting(s -> s.get("start"))
			.containsExactly("2027-03-26T08:00:00Z", "2027-03-29T07:00:00Z");
		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly("2027-03-26T09:00:00", "2027-03-29T09:00:00");
	}

	@Test
	void badSearchesAreRefusedNamingTheParameter() {
		expectField("from=2026-12-01&to=2026-11-30", "to");
		expectField("from=2026-12-01&to=2028-12-01", "to");
		expectField("from=2026-12-01&to=2026-12-02&zone=Mars/Olympus", "zone");
		expectField("from=yesterday&to=2026-12-02", "from");
		expectField("from=2026-12-01&to=2026-12-02&after=not-a-cursor", "after");
		http.get().uri("/api/slots?from=2026-12-01&to=2026-12-02&size=0").exchange().expectStatus().isBadRequest();
		http.get()
			.uri("/api/slots?from=2026-12-01&to=2026-12-02&mode=BY_PIGEON")
			.exchange()
			.expectStatus()
			.isBadRequest();
		http.get().uri("/api/slots?to=2026-12-02").exchange().expectStatus().isBadRequest();
	}

	@Test
	void instantsPastTheYearsKeptAreRefusedNamingTheParameter() {
		expectField("from=%2B1000000000-12-30T00:00:00Z&to=%2B1000000000-12-31T00:00:00Z", "from");
		expectField("from=2030-01-01T00:00:00Z&to=%2B1000000000-12-31T00:00:00Z", "to");
		expectField("from=2030-01-01T00:00:00Z&to=2031-01-03T00:00:00Z", "to");
	}

	private void expectField(String query, String field) {
		refusedNaming(http.get().uri(URI.create("/api/slots?" + query)).exchange(), field);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> search(String query) {
		Map<String, Object> page = okJson(http.get().uri("/api/slots?" + query));
		return (List<Map<String, Object>>) page.get("content");
	}

	private List<Object> practitioners(String query) {
		return search(query).stream().map(s -> s.get("practitionerId")).distinct().toList();
	}

	private static List<Object> starts(RestTestClient.RequestHeadersSpec<?> request) {
		Map<?, ?> page = request.exchange().expectBody(Map.class).returnResult().getResponseBody();
		return ((List<?>) page.get("content")).stream().map(slot -> (Object) key((Map<?, ?>) slot)).toList();
	}

	@Test
	void aSearchWithoutFromNamesTheMissingParameter() {
		refusedNaming(
				http.get().uri("/api/slots?to={to}&specialty=orthopaedics", nextWeek(DayOfWeek.MONDAY)).exchange(),
				"from")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is required");
	}

	private static String key(Map<?, ?> slot) {
		return slot.get("start") + "/" + slot.get("practitionerId") + "/" + slot.get("appointmentType");
	}

	private static LocalDate nextWeek(DayOfWeek day) {
		return LocalDate.now().plusWeeks(1).with(TemporalAdjusters.nextOrSame(day));
	}

}
