package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening hours of rooms (issue 23, item 2): slot search, booking, moves and cascades
 * only take a room open over the whole time it is held, the cleaning after the surgery
 * included. The surgeons work weekdays 08:00 to 18:00; a surgery lasts two hours and
 * holds its room thirty minutes more.
 */
@ParcoursTest
@SuppressWarnings("unchecked")
class ResourceHoursBookingIT extends MultiResourceClinic {

	UUID roomA;

	@BeforeEach
	void roomAIsTheFirstRoom() {
		roomA = clinic.rooms().getFirst();
	}

	@Test
	void searchLeavesOutTimesWhenTheOnlyRoomIsClosedByItsHoursOrForMaintenance() {
		Practitioner surgeon = clinic.surgeon();
		LocalDate day = day(surgeon, 3);
		weekdays(roomA, "10:00", "15:00");

		// 08:00 starts before opening; at 14:00 the cleaning runs to 16:30.
		assertThat(search(surgeon, "in-room-a", day)).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T10:00:00", day + "T12:00:00");

		except(roomA, "UNAVAILABLE", "MAINTENANCE", day.atTime(10, 0), day.atTime(11, 0)).expectStatus().isCreated();

		assertThat(search(surgeon, "in-room-a", day)).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T12:00:00");
		// Any room will do: the other room, without hours, is open all day.
		List<Map<String, Object>> any = search(surgeon, "surgery", day);
		assertThat(any).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T08:00:00", day + "T10:00:00", day + "T12:00:00", day + "T14:00:00",
					day + "T16:00:00");
		assertThat(any.getFirst().get("resources").toString()).contains(clinic.rooms().get(1).toString());
	}

	@Test
	void anyRoomTakesAnOpenOneAndIsClosedOnlyWhenEveryRoomIs() {
		// The first room by id is the one booking would otherwise take.
		List<UUID> byId = clinic.rooms().stream().sorted(Comparator.comparing(UUID::toString)).toList();
		Practitioner surgeon = clinic.surgeon();
		LocalDate day = day(surgeon, 3);
		except(byId.get(0), "UNAVAILABLE", "MAINTENANCE", day.atStartOfDay(), day.plusDays(1).atStartOfDay())
			.expectStatus()
			.isCreated();

		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");

		assertThat(clinic.taken(surgery).get("room")).isEqualTo(byId.get(1));
		// The open room is taken, the other closed: taken, as before hours.
		book(clinic.surgeon(), weekdayAt(surgeon, 3, "10:00"), "surgery").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-taken");

		LocalDate next = day(surgeon, 4);
		for (UUID room : byId) {
			except(room, "UNAVAILABLE", "PUBLIC_HOLIDAY", next.atStartOfDay(), next.plusDays(1).atStartOfDay())
				.expectStatus()
				.isCreated();
		}
		book(surgeon, weekdayAt(surgeon, 4, "10:00"), "surgery").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-closed")
			.jsonPath("$.role")
			.isEqualTo("room")
			.jsonPath("$.resourceId")
			.doesNotExist();
	}

	@Test
	void bookingANamedClosedRoomIsRefusedWithTheNearestTimesWhenItIsOpen() {
		Practitioner surgeon = clinic.surgeon();
		weekdays(roomA, "12:00", "18:00");

		Map<String, Object> problem = book(surgeon, weekdayAt(surgeon, 3, "09:00"), "in-room-a").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem.get("type")).isEqualTo("https://parcours.care/problems/resource-closed");
		assertThat(problem.get("role")).isEqualTo("room");
		assertThat(problem.get("resourceId")).isEqualTo(roomA.toString());
		List<Map<String, Object>> nearby = (List<Map<String, Object>>) problem.get("nearby");
		assertThat(nearby).isNotEmpty();
		for (Map<String, Object> slot : nearby) {
			LocalTime start = LocalDateTime.parse((String) slot.get("localStart")).toLocalTime();
			assertThat(start).as("room A holds its surgeries from 12:00 to 18:00")
				.isBetween(LocalTime.of(12, 0), LocalTime.of(15, 30));
		}
		assertThat(clinic.bookingsOf(surgeon)).isZero();
		UUID surgery = booked(surgeon, Instant.parse((String) nearby.getFirst().get("start")), "in-room-a");
		assertThat(clinic.taken(surgery).get("room")).isEqualTo(roomA);
	}

	@Test
	void aSurgeryWhoseCleaningRunsPastClosingTimeIsRefused() {
		Practitioner surgeon = clinic.surgeon();
		weekdays(roomA, "08:00", "12:00");

		// 10:00 to 12:00 fits the hours; the cleaning to 12:30 does not.
		book(surgeon, weekdayAt(surgeon, 3, "10:00"), "in-room-a").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-closed");
		assertThat(clinic.bookingsOf(surgeon)).isZero();

		UUID early = booked(surgeon, weekdayAt(surgeon, 3, "08:00"), "in-room-a");
		assertThat(clinic.heldUntil(early, "room")).isEqualTo(weekdayAt(surgeon, 3, "10:30"));
	}

	@Test
	void aMoveOntoAClosureExchangesAnyRoomForAnOpenOneAndIsRefusedForANamedOne() {
		Practitioner surgeon = clinic.surgeon();
		Practitioner other = clinic.surgeon();
		Instant ten = weekdayAt(other, 3, "10:00");
		UUID named = booked(other, ten, "in-room-a");
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		UUID roomB = clinic.rooms().get(1);
		assertThat(clinic.taken(surgery).get("room")).isEqualTo(roomB);
		LocalDate next = day(surgeon, 4);
		except(roomB, "UNAVAILABLE", "MAINTENANCE", next.atStartOfDay(), next.plusDays(1).atStartOfDay()).expectStatus()
			.isCreated();
		except(roomA, "UNAVAILABLE", "MAINTENANCE", next.atTime(13, 0), next.plusDays(1).atStartOfDay()).expectStatus()
			.isCreated();

		reschedule(surgery, weekdayAt(surgeon, 4, "10:00")).expectStatus().isOk();

		assertThat(clinic.taken(surgery).get("room")).isEqualTo(roomA);
		String version = fixtures.etag("/api/appointments/{id}", named);
		reschedule(named, weekdayAt(other, 4, "14:00")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-closed")
			.jsonPath("$.resourceId")
			.isEqualTo(roomA.toString())
			.jsonPath("$.nearby")
			.isNotEmpty();
		assertThat(fixtures.etag("/api/appointments/{id}", named)).isEqualTo(version);
		assertThat(clinic.heldUntil(named, "room")).isEqualTo(ten.plus(Duration.ofMinutes(150)));
	}

	@Test
	void aCascadeOntoADayWhenEveryRoomIsClosedIsImpossibleAndMovesNothing() {
		Practitioner surgeon = clinic.surgeon();
		Instant ten = weekdayAt(surgeon, 3, "10:00");
		UUID surgery = booked(surgeon, ten, "surgery");
		LocalDate next = day(surgeon, 4);
		for (UUID room : clinic.rooms()) {
			except(room, "UNAVAILABLE", "PUBLIC_HOLIDAY", next.atStartOfDay(), next.plusDays(1).atStartOfDay())
				.expectStatus()
				.isCreated();
		}

		http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", surgery)
			.header(HttpHeaders.IF_MATCH, fixtures.etag("/api/appointments/{id}", surgery))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + weekdayAt(surgeon, 4, "10:00") + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/cascade-impossible");

		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(ten.plus(Duration.ofMinutes(150)));
	}

	/** The room opens weekdays from {@code start} to {@code end}, Paris time. */
	private void weekdays(UUID room, String start, String end) {
		StringBuilder rules = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			rules.append(rules.isEmpty() ? "" : ",").append("""
					{"day": "%s", "start": "%s", "end": "%s", "validFrom": "2026-01-01"}""".formatted(day, start, end));
		}
		http.put()
			.uri("/api/schedules/resources/{id}/availability", room)
			.header(HttpHeaders.IF_MATCH, fixtures.etag("/api/schedules/resources/{id}/availability", room))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"timeZone\": \"Europe/Paris\", \"weeklyRules\": [" + rules + "]}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private RestTestClient.ResponseSpec except(UUID room, String kind, String reason, LocalDateTime start,
			LocalDateTime end) {
		return http.post()
			.uri("/api/schedules/resources/{id}/exceptions", room)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"kind": "%s", "reason": "%s", "start": "%s", "end": "%s"}
					""".formatted(kind, reason, start, end))
			.exchange();
	}

	private RestTestClient.ResponseSpec book(Practitioner surgeon, Instant start, String type) {
		return http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(MultiResourceFixtures.booking(surgeon, fixtures.patient(), start, type))
			.exchange();
	}

	private List<Map<String, Object>> search(Practitioner practitioner, String type, LocalDate day) {
		return search(practitioner, type, day, 10);
	}

}
