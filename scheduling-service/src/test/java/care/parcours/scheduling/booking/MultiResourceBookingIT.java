package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appointments that need a room and an interpreter besides the surgeon: all are taken in
 * one act or none, move and end together, and a room is never taken twice.
 */
@ParcoursTest
class MultiResourceBookingIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	MultiResourceFixtures clinic;

	@BeforeEach
	void aClinicWithTwoOperatingRoomsAndAnArabicInterpreter() {
		fixtures = new SchedulingFixtures(http, jdbc);
		clinic = new MultiResourceFixtures(http, jdbc, fixtures);
	}

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
		http.post()
			.uri("/api/appointments/{id}/reschedule", surgery)
			.header("If-Match", fixtures.etag("/api/appointments/{id}", surgery))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + later + "\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(later.plus(Duration.ofMinutes(150)));
		assertThat(clinic.heldUntil(surgery, "practitioner")).isEqualTo(later.plus(Duration.ofMinutes(120)));

		http.post()
			.uri("/api/appointments/{id}/cancel", surgery)
			.header("If-Match", fixtures.etag("/api/appointments/{id}", surgery))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"OTHER\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(clinic.liveResourcesOf(surgery)).isZero();
	}

	@Test
	void aCompetingBookingOfTheSameRoomIsRefusedNamingItWithTheNearestTimesWhenAllAreFree() {
		Practitioner first = clinic.surgeon();
		Practitioner second = clinic.surgeon();
		UUID roomA = clinic.rooms().getFirst();
		Instant nine = weekdayAt(first, 3, "09:00");
		fixtures.book(first, fixtures.patient(), nine, "in-room-a", "IN_PERSON");
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

		UUID first = fixtures.book(clinic.surgeon(), fixtures.patient(), start, "surgery", "IN_PERSON");
		UUID second = fixtures.book(clinic.surgeon(), fixtures.patient(), start, "surgery", "IN_PERSON");
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
		clinic
			.offer(surgeon, version,
					MultiResourceFixtures.type("op", 60,
							"{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"resourceId\": \"" + elsewhere
									+ "\"}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("appointmentTypes[0].roles[0].resourceId");
		clinic.offer(surgeon, version, MultiResourceFixtures.type("op", 720,
				"{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"bufferBeforeMinutes\": 600, \"bufferAfterMinutes\": 600}"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("roles[0].bufferAfterMinutes");

		assertThat(fixtures.etag("/api/schedules/{id}/availability", surgeon.id())).isEqualTo(version);
	}

	@Test
	void todaysSinglePractitionerBookingsTakeThePractitionersTimeInTheNewTableToo() {
		Practitioner surgeon = clinic.surgeon();

		UUID consultation = fixtures.book(surgeon, fixtures.patient(), weekdayAt(surgeon, 3, "11:00"), "consultation",
				"IN_PERSON");

		assertThat(clinic.taken(consultation)).containsExactly(Map.entry("practitioner", surgeon.id()));
	}

	/** The clinic's rooms and interpreters, and surgeons whose types need them. */
	static final class MultiResourceFixtures {

		private final RestTestClient http;

		private final JdbcClient jdbc;

		private final SchedulingFixtures fixtures;

		private final UUID partner;

		private final List<UUID> rooms = List.of(UUID.randomUUID(), UUID.randomUUID());

		MultiResourceFixtures(RestTestClient http, JdbcClient jdbc, SchedulingFixtures fixtures) {
			this.http = http;
			this.jdbc = jdbc;
			this.fixtures = fixtures;
			this.partner = fixtures.practitioner().partnerId();
			for (UUID room : rooms) {
				announce(room, "OPERATING_ROOM", List.of());
			}
			announce(UUID.randomUUID(), "INTERPRETER", List.of("ar", "fr"));
			announce(UUID.randomUUID(), "INTERPRETER", List.of("ar", "en"));
		}

		List<UUID> rooms() {
			return rooms;
		}

		/**
		 * A surgeon of the clinic, weekdays 08:00 to 18:00: consultations alone,
		 * surgeries in any free room with 30 minutes of cleaning after and an Arabic
		 * interpreter, and the same in room A only.
		 */
		Practitioner surgeon() {
			UUID id = UUID.randomUUID();
			TestEvents.publish(
					new PractitionerRegistered(id, partner, "Europe/Paris", List.of("orthopaedics"), List.of("fr")), id,
					0);
			await().until(() -> count("select count(*) from schedule where practitioner_id = ?", id) == 1);
			Practitioner surgeon = new Practitioner(id, partner, java.time.ZoneId.of("Europe/Paris"));
			String room = "{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"bufferAfterMinutes\": 30}";
			String roomA = "{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"resourceId\": \"" + rooms.getFirst()
					+ "\", \"bufferAfterMinutes\": 30}";
			String interpreter = "{\"role\": \"interpreter\", \"kind\": \"INTERPRETER\", \"language\": \"ar\"}";
			offer(surgeon, fixtures.etag("/api/schedules/{id}/availability", id),
					"{\"code\": \"consultation\", \"durationMinutes\": 30, \"modes\": [\"IN_PERSON\"]}, "
							+ type("surgery", 120, room + ", " + interpreter) + ", "
							+ type("in-room-a", 120, roomA + ", " + interpreter))
				.expectStatus()
				.isOk();
			return surgeon;
		}

		static String type(String code, int minutes, String roles) {
			return """
					{"code": "%s", "durationMinutes": %d, "modes": ["IN_PERSON"], "roles": [%s]}
					""".formatted(code, minutes, roles);
		}

		static String booking(Practitioner practitioner, UUID patient, Instant start, String type) {
			return """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s",
					 "mode": "IN_PERSON"}
					""".formatted(practitioner.id(), patient, start, type);
		}

		RestTestClient.ResponseSpec offer(Practitioner practitioner, String version, String types) {
			StringBuilder rules = new StringBuilder();
			for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
				rules.append(rules.isEmpty() ? "" : ",").append("""
						{"day": "%s", "start": "08:00", "end": "18:00", "modes": ["IN_PERSON"],
						 "validFrom": "2026-01-01"}""".formatted(day));
			}
			return http.put()
				.uri("/api/schedules/{id}/availability", practitioner.id())
				.header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"appointmentTypes\": [" + types + "], \"weeklyRules\": [" + rules + "]}")
				.exchange();
		}

		/** The resources a booking takes while live, by role. */
		Map<String, UUID> taken(UUID booking) {
			return jdbc.sql("select role, resource_id from booking_resource where booking_id = ? and live")
				.param(booking)
				.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
				.list()
				.stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		}

		Instant heldUntil(UUID booking, String role) {
			return jdbc.sql("select upper(during) from booking_resource where booking_id = ? and role = ?")
				.params(booking, role)
				.query(java.sql.Timestamp.class)
				.single()
				.toInstant();
		}

		long liveResourcesOf(UUID booking) {
			return count("select count(*) from booking_resource where booking_id = ? and live", booking);
		}

		long bookingsOf(Practitioner practitioner) {
			return count("select count(*) from booking where practitioner_id = ?", practitioner.id());
		}

		boolean known(UUID resource) {
			return count("select count(*) from resource where id = ?", resource) == 1;
		}

		private void announce(UUID resource, String kind, List<String> languages) {
			TestEvents.publish(new ResourceRegistered(resource, partner, kind, "Europe/Paris", List.of(), languages),
					resource, 0);
			await().until(() -> known(resource));
		}

		private long count(String sql, UUID id) {
			return jdbc.sql(sql).param(id).query(Long.class).single();
		}

	}

}
