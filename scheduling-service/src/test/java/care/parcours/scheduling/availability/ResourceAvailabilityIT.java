package care.parcours.scheduling.availability;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.ResourceRegistered;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room's opening hours and closures, set as a practitioner's availability is: weekly
 * rules in the room's zone on the version If-Match names, exceptions added and withdrawn;
 * bad input changes nothing.
 */
@ParcoursTest
@SuppressWarnings("unchecked")
class ResourceAvailabilityIT {

	private static final String PATH = "/api/schedules/resources/{id}/availability";

	private static final String WEEKDAYS = """
			{"timeZone": "Europe/Paris", "weeklyRules": [
			  {"day": "MONDAY", "start": "07:00", "end": "19:00", "validFrom": "2026-01-01"},
			  {"day": "TUESDAY", "start": "07:00", "end": "12:00", "validFrom": "2026-01-01"},
			  {"day": "TUESDAY", "start": "12:00", "end": "19:00", "validFrom": "2026-01-01"}]}
			""";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	UUID room;

	@BeforeEach
	void anOperatingRoomInParis() {
		room = UUID.randomUUID();
		TestEvents.publish(new ResourceRegistered(room, UUID.randomUUID(), "OPERATING_ROOM", "Europe/Paris",
				List.of("orthopaedics"), List.of()), room, 0);
		await().until(() -> jdbc.sql("select count(*) from resource where id = ?")
			.param(room)
			.query(Long.class)
			.single() == 1);
	}

	@Test
	void aRoomWithoutHoursIsAlwaysOpenUntilItsWeeklyHoursAreSetOnTheVersionRead() {
		http.get()
			.uri(PATH, room)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Paris")
			.jsonPath("$.weeklyRules.length()")
			.isEqualTo(0);

		put(WEEKDAYS, "\"0\"").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.weeklyRules.length()")
			.isEqualTo(3)
			.jsonPath("$.weeklyRules[0].day")
			.isEqualTo("MONDAY")
			.jsonPath("$.weeklyRules[0].start")
			.isEqualTo("07:00:00");

		// An edit on the version read before is refused.
		put(WEEKDAYS, "\"0\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
	}

	@Test
	void badHoursAreRefusedAsProblemsAndChangeNothing() {
		put(WEEKDAYS, "\"0\"").expectStatus().isOk();
		String rule = "{\"timeZone\": %s, \"weeklyRules\": [{\"day\": %s, \"start\": \"%s\", \"end\": \"%s\","
				+ " \"validFrom\": \"2026-01-01\"}%s]}";
		List<String> bad = List.of(
				// The end before the start.
				rule.formatted("null", "\"MONDAY\"", "19:00", "07:00", ""),
				// Two rules open Monday 11:00 to 12:00 twice.
				rule.formatted("null", "\"MONDAY\"", "07:00", "12:00",
						", {\"day\": \"MONDAY\", \"start\": \"11:00\", \"end\": \"15:00\", \"validFrom\": \"2026-06-01\"}"),
				// No such day.
				rule.formatted("null", "\"FUNDAY\"", "07:00", "19:00", ""),
				rule.formatted("null", "8", "07:00", "19:00", ""),
				// No such zone, and hours written for another zone than the room's.
				rule.formatted("\"Mars/Olympus\"", "\"MONDAY\"", "07:00", "19:00", ""),
				rule.formatted("\"America/New_York\"", "\"MONDAY\"", "07:00", "19:00", ""));
		for (String body : bad) {
			put(body, "\"1\"").expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		except("{\"kind\": \"UNAVAILABLE\", \"reason\": \"MAINTENANCE\", \"start\": \"2030-01-07T12:00:00\","
				+ " \"end\": \"2030-01-07T08:00:00\"}")
			.expectStatus()
			.isBadRequest();
		except("{\"kind\": \"UNAVAILABLE\", \"reason\": \"BROKEN\", \"start\": \"2030-01-07T08:00:00\","
				+ " \"end\": \"2030-01-07T12:00:00\"}")
			.expectStatus()
			.isBadRequest();

		Map<String, Object> view = get();
		assertThat(view.get("version")).isEqualTo(1);
		assertThat((List<?>) view.get("weeklyRules")).hasSize(3);
		assertThat((List<?>) view.get("exceptions")).isEmpty();
	}

	@Test
	void anUnknownResourceHasNoHours() {
		http.get().uri(PATH, UUID.randomUUID()).exchange().expectStatus().isNotFound();
		http.put()
			.uri(PATH, UUID.randomUUID())
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(WEEKDAYS)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-schedule-not-found");
	}

	@Test
	void aMaintenanceClosureIsAddedInTheRoomsLocalTimeAndWithdrawn() {
		// A winter Monday within the coming year, when Paris is an hour ahead of UTC.
		LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
		while (monday.getMonthValue() > 3 && monday.getMonthValue() < 11 || monday.getDayOfWeek() != DayOfWeek.MONDAY) {
			monday = monday.plusDays(1);
		}
		String location = except("{\"kind\": \"UNAVAILABLE\", \"reason\": \"MAINTENANCE\", \"start\": \""
				+ monday.atTime(8, 0) + "\", \"end\": \"" + monday.atTime(12, 0) + "\"}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.exceptions[0].start")
			.isEqualTo(monday.atTime(7, 0).toInstant(ZoneOffset.UTC).toString())
			.jsonPath("$.exceptions[0].localStart")
			.isEqualTo(monday + "T08:00:00")
			.jsonPath("$.exceptions[0].reason")
			.isEqualTo("MAINTENANCE")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat((List<?>) get().get("exceptions")).hasSize(1);

		http.delete().uri(location).exchange().expectStatus().isOk();

		assertThat((List<?>) get().get("exceptions")).isEmpty();
		http.delete().uri(location).exchange().expectStatus().isNotFound();
	}

	@Test
	void maintenanceIsForRoomsAndMachinesNotPractitioners() {
		SchedulingFixtures fixtures = new SchedulingFixtures(http, jdbc);
		SchedulingFixtures.Practitioner practitioner = fixtures.practitioner();

		http.post()
			.uri("/api/schedules/{id}/exceptions", practitioner.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"kind\": \"UNAVAILABLE\", \"reason\": \"MAINTENANCE\", \"start\": \"2030-01-07T08:00:00\","
					+ " \"end\": \"2030-01-07T12:00:00\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void spansAskedOfEitherHoursAreBoundedAndRefusedNamingTheParameter() {
		SchedulingFixtures.Practitioner practitioner = new SchedulingFixtures(http, jdbc).practitioner();
		for (String path : List.of("/api/schedules/resources/" + room, "/api/schedules/" + practitioner.id())) {
			// An instant past the years the service keeps, with or without an end.
			expectRefused(path, "from=%2B1000000000-12-31T00:00:00Z", "from");
			expectRefused(path, "from=%2B1000000000-12-30T00:00:00Z&to=%2B1000000000-12-31T00:00:00Z", "from");
			// Every exception of nine thousand years, and an end before the start.
			expectRefused(path, "from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z", "to");
			expectRefused(path, "from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "to");
			for (String query : List.of("from=2030-01-01T00:00:00Z&to=2031-01-02T00:00:00Z",
					// The end left out is a year and a day later, but never past the end
					// of 9999.
					"from=9999-12-01T00:00:00Z", "from=9999-12-31T23:59:59.500Z")) {
				http.get().uri(URI.create(path + "/availability?" + query)).exchange().expectStatus().isOk();
			}
		}
	}

	@Test
	void anExceptionsReasonFitsItsKindAndItLastsAYearAndADayAtMost() {
		SchedulingFixtures.Practitioner practitioner = new SchedulingFixtures(http, jdbc).practitioner();
		String form = "{\"kind\": \"%s\", \"reason\": \"%s\", \"start\": \"%s\", \"end\": \"%s\","
				+ " \"modes\": [\"IN_PERSON\"]}";
		for (String path : List.of("/api/schedules/resources/" + room, "/api/schedules/" + practitioner.id())) {
			// An extra opening for maintenance, a closure for extra hours.
			expectException(path, form.formatted("EXTRA", "LEAVE", "2030-01-07T08:00", "2030-01-07T12:00"), "reason");
			expectException(path, form.formatted("EXTRA", "PUBLIC_HOLIDAY", "2030-01-07T08:00", "2030-01-07T12:00"),
					"reason");
			expectException(path, form.formatted("UNAVAILABLE", "EXTRA_HOURS", "2030-01-07T08:00", "2030-01-07T12:00"),
					"reason");
			// Closed for ten years, and from the end of time.
			expectException(path, form.formatted("UNAVAILABLE", "OTHER", "2030-01-07T08:00", "2040-01-07T08:00"),
					"end");
			expectException(path,
					form.formatted("UNAVAILABLE", "OTHER", "+999999999-01-07T08:00", "+999999999-01-07T12:00"),
					"start");
			assertThat((List<?>) okJson(http.get().uri(path + "/availability?from=2030-01-01T00:00:00Z"))
				.get("exceptions")).isEmpty();
		}
		expectException("/api/schedules/resources/" + room,
				form.formatted("EXTRA", "MAINTENANCE", "2030-01-07T08:00", "2030-01-07T12:00"), "reason");
		for (String kind : List.of("EXTRA", "UNAVAILABLE")) {
			http.post()
				.uri("/api/schedules/resources/{id}/exceptions", room)
				.contentType(MediaType.APPLICATION_JSON)
				.body(form.formatted(kind, "OTHER", "2030-01-07T08:00", "2031-01-08T08:00"))
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

	private void expectException(String path, String body, String field) {
		refusedNaming(
				http.post().uri(path + "/exceptions").contentType(MediaType.APPLICATION_JSON).body(body).exchange(),
				field);
	}

	private void expectRefused(String path, String query, String field) {
		refusedNaming(http.get().uri(URI.create(path + "/availability?" + query)).exchange(), field);
	}

	private RestTestClient.ResponseSpec put(String body, String version) {
		return http.put()
			.uri(PATH, room)
			.header(HttpHeaders.IF_MATCH, version)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec except(String body) {
		return http.post()
			.uri("/api/schedules/resources/{id}/exceptions", room)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private Map<String, Object> get() {
		return okJson(http.get().uri(PATH, room));
	}

}
