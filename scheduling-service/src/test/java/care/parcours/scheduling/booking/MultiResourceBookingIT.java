package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.ResourceRegistered;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appointments that need a room and an interpreter besides the surgeon: all are taken in
 * one act or none, move and end together, and a room is never taken twice.
 */
@ParcoursTest
class MultiResourceBookingIT extends MultiResourceClinic {

	@Test
	void aSurgeryTakesTheSurgeonARoomAndAnInterpreterTogetherAndMovesAndEndsWithThem() {
		Practitioner surgeon = clinic.surgeon();
		UUID patient = fixtures.patient();
		Instant start = weekdayAt(surgeon, 3, "10:00");

		UUID surgery = fixtures.book(surgeon, patient, start, "surgery", "IN_PERSON");

		assertThat(clinic.taken(surgery)).containsOnlyKeys("practitioner", "room", "interpreter");
		assertThat(clinic.taken(surgery).get("room")).isIn(clinic.rooms());
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(start.plus(Duration.ofMinutes(150)));
		assertThat(clinic.heldUntil(surgery, "interpreter")).isEqualTo(start.plus(Duration.ofMinutes(120)));

		Instant later = weekdayAt(surgeon, 4, "09:00");
		reschedule(surgery, later).expectStatus().isOk();
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(later.plus(Duration.ofMinutes(150)));
		assertThat(clinic.heldUntil(surgery, "practitioner")).isEqualTo(later.plus(Duration.ofMinutes(120)));

		cancel(surgery);
		assertThat(clinic.liveResourcesOf(surgery)).isZero();
	}

	@Test
	void aCompetingBookingOfTheSameRoomIsRefusedNamingItWithTheNearestTimesWhenAllAreFree() {
		Practitioner first = clinic.surgeon();
		Practitioner second = clinic.surgeon();
		UUID roomA = clinic.rooms().getFirst();
		Instant nine = weekdayAt(first, 3, "09:00");
		booked(first, nine, "in-room-a");
		UUID patient = fixtures.patient();

		Map<?, ?> problem = http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(MultiResourceFixtures.booking(second, patient, nine.plus(Duration.ofHours(1)), "in-room-a"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem.get("type")).isEqualTo("https://parcours.care/problems/resource-taken");
		assertThat(problem.get("resourceId")).isEqualTo(roomA.toString());
		assertThat(problem.get("role")).isEqualTo("room");
		List<?> nearby = (List<?>) problem.get("nearby");
		assertThat(nearby).isNotEmpty();
		for (Object slot : nearby) {
			Instant start = Instant.parse((String) ((Map<?, ?>) slot).get("start"));
			// Room A is held from 09:00 to 11:30 (the surgery and its cleaning).
			assertThat(start.plus(Duration.ofMinutes(150)).isAfter(nine)
					&& start.isBefore(nine.plus(Duration.ofMinutes(150))))
				.as("%s overlaps room A's surgery", start)
				.isFalse();
		}
		assertThat(clinic.bookingsOf(second)).isZero();
		fixtures.book(second, patient, Instant.parse((String) ((Map<?, ?>) nearby.getFirst()).get("start")),
				"in-room-a", "IN_PERSON");
	}

	@Test
	void anyRoomOfTheKindIsChosenUntilNoneIsFree() {
		Instant start = weekdayAt(clinic.surgeon(), 3, "10:00");

		UUID first = booked(clinic.surgeon(), start, "surgery");
		UUID second = booked(clinic.surgeon(), start, "surgery");
		Practitioner third = clinic.surgeon();
		http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(MultiResourceFixtures.booking(third, fixtures.patient(), start, "surgery"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("room")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("No OPERATING_ROOM is free"));

		assertThat(List.of(clinic.taken(first).get("room"), clinic.taken(second).get("room")))
			.containsExactlyInAnyOrderElementsOf(clinic.rooms());
		assertThat(clinic.taken(first).get("interpreter")).isNotEqualTo(clinic.taken(second).get("interpreter"));
		assertThat(clinic.bookingsOf(third)).isZero();
	}

	@Test
	void rolesThatCouldNeverBeFilledAreRefusedAndChangeNothing() {
		Practitioner surgeon = clinic.surgeon();
		UUID elsewhere = UUID.randomUUID();
		TestEvents.publish(new ResourceRegistered(elsewhere, UUID.randomUUID(), "OPERATING_ROOM", "Europe/Paris",
				List.of(), List.of()), elsewhere, 0);
		await().until(() -> clinic.known(elsewhere));
		String version = fixtures.etag("/api/schedules/{id}/availability", surgeon.id());

		clinic
			.offer(surgeon, version,
					MultiResourceFixtures.type("mri", 30, "{\"role\": \"scanner\", \"kind\": \"MRI\"}"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/no-resource-for-role");
		clinic
			.offer(surgeon, version,
					MultiResourceFixtures.type("op", 60,
							"{\"role\": \"interpreter\", \"kind\": \"INTERPRETER\", \"language\": \"ru\"}"))
			.expectStatus()
			.isEqualTo(422);
		refusedNaming(
				clinic.offer(surgeon, version, MultiResourceFixtures.type("op", 60,
						"{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"resourceId\": \"" + elsewhere + "\"}")),
				"appointmentTypes[0].roles[0].resourceId");
		refusedNaming(clinic.offer(surgeon, version, MultiResourceFixtures.type("op", 720,
				"{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"bufferBeforeMinutes\": 600, \"bufferAfterMinutes\": 600}")),
				"roles[0].bufferAfterMinutes");

		assertThat(fixtures.etag("/api/schedules/{id}/availability", surgeon.id())).isEqualTo(version);
	}

	@Test
	void todaysSinglePractitionerBookingsTakeThePractitionersTimeInTheNewTableToo() {
		Practitioner surgeon = clinic.surgeon();

		UUID consultation = booked(surgeon, weekdayAt(surgeon, 3, "11:00"), "consultation");

		assertThat(clinic.taken(consultation)).containsExactly(Map.entry("practitioner", surgeon.id()));
	}

}
