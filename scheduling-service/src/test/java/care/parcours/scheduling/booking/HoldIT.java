package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.WithMutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.createdId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest(properties = "parcours.scheduling.hold-expiry-interval=200ms")
@WithMutableClock
class HoldIT extends SurgeonAndPatient {

	@Test
	void aHoldLastsFifteenMinutesByDefaultAndBlocksTheSlot() {
		Instant start = weekdayAt(surgeon, 3, "09:00");
		Instant before = clock.instant();

		Map<?, ?> hold = hold(patient, start, null).expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(hold.get("status")).isEqualTo("HELD");
		Instant expiresAt = Instant.parse((String) hold.get("expiresAt"));
		assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(15)),
				clock.instant().plus(Duration.ofMinutes(15)));
		hold(fixtures.patient(), start, null).expectStatus().isEqualTo(409);
	}

	@Test
	void aConfirmedHoldBecomesTheAppointment() {
		UUID hold = createdId(hold(patient, weekdayAt(surgeon, 3, "10:00"), null));

		http.post()
			.uri("/api/slots/holds/{id}/confirm", hold)
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/appointments/" + hold)
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("APPOINTMENT")
			.jsonPath("$.status")
			.isEqualTo("BOOKED");
		http.get().uri("/api/appointments/{id}", hold).exchange().expectStatus().isOk();
	}

	@Test
	void confirmingAHoldWhenThePatientWasBookedElsewhereMeanwhileIsAConflictNotAnError() {
		Instant start = weekdayAt(surgeon, 3, "11:30");
		UUID hold = createdId(hold(patient, start, null));
		Practitioner anaesthetist = fixtures.practitioner();
		fixtures.weekdays(anaesthetist, "09:00", "12:00");
		fixtures.book(anaesthetist, patient, start, "consultation", "IN_PERSON");

		http.post()
			.uri("/api/slots/holds/{id}/confirm", hold)
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-double-booked");
		http.get().uri("/api/slots/holds/{id}", hold).exchange().expectBody().jsonPath("$.status").isEqualTo("HELD");
	}

	@Test
	void aReleasedHoldFreesItsSlotAtOnce() {
		Instant start = weekdayAt(surgeon, 3, "11:00");
		UUID hold = createdId(hold(patient, start, null));

		http.post()
			.uri("/api/slots/holds/{id}/release", hold)
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isOk();

		hold(fixtures.patient(), start, null).expectStatus().isCreated();
	}

	@Test
	void aLapsedHoldFreesItsSlotByItselfAndSaysSo() {
		Instant start = weekdayAt(surgeon, 4, "09:30");
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID hold = createdId(hold(patient, start, 5));

			clock.advance(Duration.ofMinutes(6));

			await().untilAsserted(() -> http.get()
				.uri("/api/slots/holds/{id}", hold)
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("EXPIRED"));
			PublishedEvents.Received released = events
				.await(r -> r.type().equals("scheduling.slot.released.v1") && r.key().equals(hold.toString()));
			assertThat(released.data().path("reason").asString()).isEqualTo("EXPIRED");
			http.post()
				.uri("/api/slots/holds/{id}/confirm", hold)
				.header("If-Match", fixtures.etag("/api/slots/holds/{id}", hold))
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://parcours.care/problems/invalid-transition");
		}
		hold(fixtures.patient(), start, null).expectStatus().isCreated();
	}

	@Test
	void aLapsedHoldNeverBlocksTheSlotWhetherOrNotTheJobHasReachedIt() {
		Instant start = weekdayAt(surgeon, 4, "11:30");
		UUID lapsing = createdId(hold(patient, start, 1));
		clock.advance(Duration.ofMinutes(2));

		hold(fixtures.patient(), start, null).expectStatus().isCreated();

		http.get()
			.uri("/api/slots/holds/{id}", lapsing)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("EXPIRED");
	}

	@Test
	void anUnknownHoldIsNotFound() {
		http.post()
			.uri("/api/slots/holds/{id}/confirm", UUID.randomUUID())
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private RestTestClient.ResponseSpec hold(UUID patient, Instant start, Integer minutes) {
		return http.post()
			.uri("/api/slots/holds")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
					 "mode": "IN_PERSON"%s}
					""".formatted(surgeon.id(), patient, start, minutes == null ? "" : ", \"holdMinutes\": " + minutes))
			.exchange();
	}

}
