package care.parcours.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.TestEvents;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/** The clinic's rooms and interpreters, and surgeons whose types need them. */
final class MultiResourceFixtures {

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
	 * A surgeon of the clinic, weekdays 08:00 to 18:00: consultations alone, surgeries in
	 * any free room with 30 minutes of cleaning after and an Arabic interpreter, and the
	 * same in room A only.
	 */
	Practitioner surgeon() {
		UUID id = UUID.randomUUID();
		TestEvents.publish(
				new PractitionerRegistered(id, partner, "Europe/Paris", List.of("orthopaedics"), List.of("fr")), id, 0);
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
