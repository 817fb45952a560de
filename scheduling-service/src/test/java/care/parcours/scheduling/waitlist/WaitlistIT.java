package care.parcours.scheduling.waitlist;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.createdId;
import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class WaitlistIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	Practitioner surgeon;

	Instant morning;

	@BeforeEach
	void fullyBookedSurgeon() {
		fixtures = new SchedulingFixtures(http, jdbc);
		surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "09:30");
		morning = weekdayAt(surgeon, 3, "09:00");
	}

	@Test
	void whenAnAppointmentIsCancelledTheFirstWaiterGetsAHoldAndAnEventSaysSo() {
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID first = join(fixtures.patient(), surgeon.id(), null);
		UUID second = join(fixtures.patient(), surgeon.id(), null);

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			cancel(appointment);

			Map<String, Object> offered = entry(first);
			assertThat(offered.get("status")).isEqualTo("OFFERED");
			assertThat(entry(second).get("status")).isEqualTo("WAITING");
			http.get()
				.uri("/api/slots/holds/{id}", offered.get("holdId"))
				.exchange()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("HELD")
				.jsonPath("$.start")
				.isEqualTo(morning.toString());
			PublishedEvents.Received offer = events.await(PublishedEvents.about(first.toString()));
			assertThat(offer.type()).isEqualTo("scheduling.waitlist.offer-made.v1");
			assertThat(offer.data().path("holdId").asString()).isEqualTo(offered.get("holdId"));
		}
	}

	@Test
	void aWaiterForASpecialtyIsOfferedAnyMatchingPractitionersSlot() {
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID waiter = join(fixtures.patient(), null, "orthopaedics");

		cancel(appointment);

		assertThat(entry(waiter).get("status")).isEqualTo("OFFERED");
	}

	@Test
	void aConfirmedOfferFulfilsTheEntry() {
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID waiter = join(fixtures.patient(), surgeon.id(), null);
		cancel(appointment);

		http.post()
			.uri("/api/slots/holds/{id}/confirm", entry(waiter).get("holdId"))
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(entry(waiter).get("status")).isEqualTo("FULFILLED");
	}

	@Test
	void aReleasedOfferSendsTheWaiterBackBehindTheOthersAndTheSlotToTheNext() {
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID first = join(fixtures.patient(), surgeon.id(), null);
		UUID second = join(fixtures.patient(), surgeon.id(), null);
		cancel(appointment);

		http.post()
			.uri("/api/slots/holds/{id}/release", entry(first).get("holdId"))
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(entry(first)).containsEntry("status", "WAITING").containsEntry("lapsedOffers", 1);
		assertThat(entry(second).get("status")).isEqualTo("OFFERED");
	}

	@Test
	void newExtraHoursAreOfferedToWaiters() {
		fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID waiter = join(fixtures.patient(), surgeon.id(), null);
		String day = morning.atZone(surgeon.zone()).toLocalDate().toString();

		http.post().uri("/api/schedules/{id}/exceptions", surgeon.id()).contentType(MediaType.APPLICATION_JSON).body("""
				{"kind": "EXTRA", "reason": "EXTRA_HOURS", "start": "%sT17:00", "end": "%sT18:00",
				 "modes": ["IN_PERSON"]}
				""".formatted(day, day)).exchange().expectStatus().isCreated();

		Map<String, Object> offered = entry(waiter);
		assertThat(offered.get("status")).isEqualTo("OFFERED");
	}

	@Test
	void aWithdrawnWaiterIsOfferedNothing() {
		UUID appointment = fixtures.book(surgeon, fixtures.patient(), morning, "consultation", "IN_PERSON");
		UUID waiter = join(fixtures.patient(), surgeon.id(), null);

		http.delete().uri("/api/waitlist/{id}", waiter).exchange().expectStatus().isOk();
		cancel(appointment);

		assertThat(entry(waiter).get("status")).isEqualTo("WITHDRAWN");
	}

	@Test
	void anEntryNeedsAPractitionerOrASpecialtyAndAKnownPatient() {
		refusedNaming(http.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(fixtures.patient(), null, null))
			.exchange(), "practitionerId");
		http.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(UUID.randomUUID(), surgeon.id(), null))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void aWindowEndingBeforeItStartsIsRefusedNamingTo() {
		refusedNaming(http.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"patientId": "%s", "practitionerId": "%s", "appointmentType": "consultation",
					 "from": "%s", "to": "%s"}
					""".formatted(fixtures.patient(), surgeon.id(), morning, morning.minus(Duration.ofHours(1))))
			.exchange(), "to").jsonPath("$.errors[0].message").isEqualTo("must be after from");
	}

	@Test
	void aWindowEndingPastTheYearsKeptIsRefusedNamingTo() {
		String beyond = """
				{"patientId": "%s", "practitionerId": "%s", "appointmentType": "consultation",
				 "from": "%s", "to": "+1000000000-12-31T00:00:00Z"}
				""".formatted(fixtures.patient(), surgeon.id(), morning);

		refusedNaming(http.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON).body(beyond).exchange(),
				"to");
	}

	private UUID join(UUID patient, UUID practitioner, String specialty) {
		return createdId(http.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(patient, practitioner, specialty))
			.exchange());
	}

	private String form(UUID patient, UUID practitioner, String specialty) {
		return """
				{"patientId": "%s", %s "appointmentType": "consultation", "from": "%s", "to": "%s"}
				""".formatted(patient,
				practitioner != null ? "\"practitionerId\": \"" + practitioner + "\","
						: specialty != null ? "\"specialty\": \"" + specialty + "\"," : "",
				morning.minus(Duration.ofDays(1)), morning.plus(Duration.ofDays(2)));
	}

	private void cancel(UUID appointment) {
		http.post()
			.uri("/api/appointments/{id}/cancel", appointment)
			.header("If-Match", fixtures.etag("/api/appointments/{id}", appointment))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"PATIENT_REQUEST\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> entry(UUID id) {
		return http.get()
			.uri("/api/waitlist/{id}", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
