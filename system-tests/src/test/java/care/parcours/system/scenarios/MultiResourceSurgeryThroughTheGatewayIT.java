package care.parcours.system.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23 through the gateway: a surgery needs the surgeon, operating room A and an
 * Arabic interpreter, all registered in partner-service; it is booked and moved with all
 * three, and another surgeon's surgery in room A at the same time is refused with the
 * nearest times when everything is free.
 */
class MultiResourceSurgeryThroughTheGatewayIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static Gateway coordinator;

	@BeforeAll
	static void platform() {
		coordinator = new Gateway(Platform.get().url(ServiceName.GATEWAY), "coordinator");
	}

	@Test
	void aSurgeryTakesSurgeonRoomAndInterpreterAndACompetingBookingOfTheRoomIsRefusedWithTheNearestFreeTimes() {
		String clinic = created("/api/partners", """
				{"name": "Clinique des Lilas", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""");
		String room = created("/api/partners/" + clinic + "/resources", """
				{"kind": "OPERATING_ROOM", "label": "Bloc A", "specialties": ["orthopaedics"]}
				""");
		String interpreter = created("/api/partners/" + clinic + "/resources", """
				{"kind": "INTERPRETER", "label": "Interprète arabe", "languages": ["ar", "fr"]}
				""");
		String surgeon = created("/api/partners/" + clinic + "/practitioners", """
				{"name": "Dr Amina Haddad", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""");
		String other = created("/api/partners/" + clinic + "/practitioners", """
				{"name": "Dr Paul Girard", "specialties": ["orthopaedics"], "languages": ["fr"]}
				""");
		for (String resource : new String[] { room, interpreter }) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> coordinator.get("/api/schedules/resources/" + resource).status(), status -> status == 200);
		}
		operatesInRoom(surgeon, room);
		operatesInRoom(other, room);
		String patient = patient("Salma", "Idrissi");
		String otherPatient = patient("Karim", "Alaoui");
		Instant tomorrow = at(1, "10:00");
		Instant dayAfter = at(2, "10:00");

		Gateway.Answer booked = await().atMost(Duration.ofSeconds(30))
			.until(() -> coordinator.post("/api/appointments", surgery(surgeon, patient, tomorrow)),
					answer -> answer.status() != 422);
		assertThat(booked.status()).as("%s", booked.body()).isEqualTo(201);
		String appointment = booked.body().path("id").asString();
		Gateway.Answer moved = coordinator.post("/api/appointments/" + appointment + "/reschedule",
				"{\"start\": \"" + dayAfter + "\"}", coordinator.get("/api/appointments/" + appointment).etag());
		assertThat(moved.status()).as("%s", moved.body()).isEqualTo(200);

		Gateway.Answer refused = await().atMost(Duration.ofSeconds(30))
			.until(() -> coordinator.post("/api/appointments",
					surgery(other, otherPatient, dayAfter.plus(Duration.ofHours(1)))),
					answer -> answer.status() != 422);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().path("type").asString()).isEqualTo("https://parcours.care/problems/resource-taken");
		assertThat(refused.body().path("resourceId").asString()).isEqualTo(room);
		JsonNode nearest = refused.body().path("nearby").path(0);
		assertThat(nearest.isMissingNode()).as("nearby times in %s", refused.body()).isFalse();
		Instant free = Instant.parse(nearest.path("start").asString());
		// Room A is held from 10:00 to 12:30 (two hours of surgery, thirty minutes of
		// cleaning).
		assertThat(free.isBefore(dayAfter.plus(Duration.ofMinutes(150)))
				&& free.plus(Duration.ofMinutes(150)).isAfter(dayAfter))
			.as("%s overlaps the first surgery", free)
			.isFalse();
		assertThat(coordinator.post("/api/appointments", surgery(other, otherPatient, free)).status()).isEqualTo(201);
	}

	private static String created(String path, String json) {
		Gateway.Answer answer = coordinator.post(path, json);
		assertThat(answer.status()).as("POST %s: %s", path, answer.body()).isEqualTo(201);
		return answer.body().path("id").asString();
	}

	// Names no other test on the shared platform registers with this birth date:
	// patient-service
	// refuses a second record of one person (409 patient-already-registered).
	private static String patient(String given, String family) {
		return created("/api/patients", """
				{"givenName": "%s", "familyName": "%s", "birthDate": "1984-03-02", "sex": "FEMALE",
				 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"]}
				""".formatted(given, family));
	}

	/**
	 * Every day from 07:00 to 20:00: surgeries in the room with an Arabic interpreter.
	 */
	private static void operatesInRoom(String practitioner, String room) {
		Availability.openEveryDay(coordinator, practitioner, "07:00", "20:00", List.of("IN_PERSON"),
				LocalDate.now(PARIS).minusDays(1), """
						{"code": "surgery", "durationMinutes": 120, "modes": ["IN_PERSON"], "roles": [
						   {"role": "room", "kind": "OPERATING_ROOM", "resourceId": "%s", "bufferAfterMinutes": 30},
						   {"role": "interpreter", "kind": "INTERPRETER", "language": "ar"}]}""".formatted(room));
	}

	private static String surgery(String practitioner, String patient, Instant start) {
		return """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "surgery",
				 "mode": "IN_PERSON"}
				""".formatted(practitioner, patient, start);
	}

	private static Instant at(int daysAhead, String localTime) {
		return LocalDate.now(PARIS).plusDays(daysAhead).atTime(LocalTime.parse(localTime)).atZone(PARIS).toInstant();
	}

}
