package care.parcours.scheduling.availability;

import java.time.Instant;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static care.parcours.test.InvalidRequests.refusedNaming;

@ParcoursTest
class AvailabilityIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	Practitioner surgeon;

	@BeforeEach
	void surgeon() {
		fixtures = new SchedulingFixtures(http, jdbc);
		surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "12:00");
	}

	@Test
	void availabilityReadsBackInTheClinicsZoneWithItsVersionAsETag() {
		http.get()
			.uri("/api/schedules/{id}/availability", surgeon.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Paris")
			.jsonPath("$.appointmentTypes.length()")
			.isEqualTo(2)
			.jsonPath("$.weeklyRules.length()")
			.isEqualTo(5)
			.jsonPath("$.weeklyRules[0].day")
			.isEqualTo("MONDAY")
			.jsonPath("$.weeklyRules[0].start")
			.isEqualTo("09:00:00");
	}

	@Test
	void replacingAvailabilityKeepsBookedAppointmentsAndListsThoseNowOutsideIt() {
		Instant start = weekdayAt(surgeon, 3, "11:00");
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), start, "consultation", "IN_PERSON");

		replace("""
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": [{"day": "MONDAY", "start": "14:00", "end": "18:00", "modes": ["IN_PERSON"],
				                  "validFrom": "2026-01-01"}]}
				""", "\"1\"").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.appointmentsOutsideAvailability[0].appointmentId")
			.isEqualTo(appointment.toString())
			.jsonPath("$.appointmentsOutsideAvailability[0].localStart")
			.value(local -> org.assertj.core.api.Assertions.assertThat((String) local).endsWith("T11:00:00"));

		http.get()
			.uri("/api/appointments/{id}", appointment)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("BOOKED");
	}

	@Test
	void aReplacementBasedOnAnOldVersionIsRefused() {
		String rules = """
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": []}
				""";
		replace(rules, "\"1\"").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

		replace(rules, "\"1\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(2);
	}

	@Test
	void aReplacementWithoutIfMatchIsRefusedAsPreconditionRequiredAndChangesNothing() {
		replace("""
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": []}
				""", null).expectStatus()
			.isEqualTo(428)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/precondition-required");

		http.get()
			.uri("/api/schedules/{id}/availability", surgeon.id())
			.exchange()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.weeklyRules.length()")
			.isEqualTo(5);
	}

	@Test
	void leaveListsTheAppointmentsItCoversAndTakesItsSlotsAway() {
		Instant start = weekdayAt(surgeon, 4, "10:00");
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), start, "consultation", "IN_PERSON");
		String day = start.atZone(surgeon.zone()).toLocalDate().toString();

		http.post()
			.uri("/api/schedules/{id}/exceptions", surgeon.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"kind": "UNAVAILABLE", "reason": "LEAVE", "start": "%sT00:00", "end": "%sT23:59"}
					""".formatted(day, day))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.appointmentsOutsideAvailability[0].appointmentId")
			.isEqualTo(appointment.toString())
			.jsonPath("$.exceptions[0].localStart")
			.isEqualTo(day + "T00:00:00");

		http.get()
			.uri("/api/slots?practitionerId={id}&from={day}&to={day}", surgeon.id(), day, day)
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
	}

	@Test
	void extraHoursOpenSlotsOnADayWithoutRules() {
		Instant weekday = weekdayAt(surgeon, 7, "09:00");
		String saturday = weekday.atZone(surgeon.zone())
			.toLocalDate()
			.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY))
			.toString();

		http.post().uri("/api/schedules/{id}/exceptions", surgeon.id()).contentType(MediaType.APPLICATION_JSON).body("""
				{"kind": "EXTRA", "reason": "EXTRA_HOURS", "start": "%sT10:00", "end": "%sT11:00",
				 "modes": ["TELECONSULTATION"], "appointmentTypes": ["consultation"]}
				""".formatted(saturday, saturday)).exchange().expectStatus().isCreated();

		http.get()
			.uri("/api/slots?practitionerId={id}&from={day}&to={day}", surgeon.id(), saturday, saturday)
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(2)
			.jsonPath("$.content[0].modes[0]")
			.isEqualTo("TELECONSULTATION");
	}

	@Test
	void badAvailabilityIsRefusedNamingTheProblemAndChangesNothing() {
		refusedNaming(replace("""
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": [{"day": "MONDAY", "start": "09:00", "end": "12:00", "modes": ["IN_PERSON"],
				                  "appointmentTypes": ["surgery"], "validFrom": "2026-01-01"}]}
				""", "\"1\""), "weeklyRules.appointmentTypes");
		replace("""
				{"appointmentTypes": [], "weeklyRules": [{"day": "MONDAY", "start": "12:00", "end": "09:00",
				 "modes": ["IN_PERSON"], "validFrom": "2026-01-01"}]}
				""", "\"1\"").expectStatus().isBadRequest();
		replace("""
				{"appointmentTypes": [{"code": "Consultation!", "durationMinutes": 3, "modes": []}], "weeklyRules": []}
				""", "\"1\"").expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(3);
		replace("{\"appointmentTypes\": [], \"weeklyRules\": [{\"day\": \"FUNDAY\"}]}", "\"1\"").expectStatus()
			.isBadRequest();

		http.get()
			.uri("/api/schedules/{id}/availability", surgeon.id())
			.exchange()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
	}

	@Test
	void anUnknownPractitionerHasNoAvailability() {
		http.get()
			.uri("/api/schedules/{id}/availability", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/schedule-not-found");
	}

	private RestTestClient.ResponseSpec replace(String json, String ifMatch) {
		RestTestClient.RequestBodySpec request = http.put()
			.uri("/api/schedules/{id}/availability", surgeon.id())
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.body(json).exchange();
	}

}
