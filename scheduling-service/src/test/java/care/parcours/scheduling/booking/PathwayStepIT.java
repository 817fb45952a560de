package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coordinator works a care pathway's step: the hold, the appointment it becomes and the
 * waiting-list entry made for it name the step, and so does every event about them, so
 * that patient-service can follow the step from the events alone.
 */
@ParcoursTest(properties = "parcours.scheduling.hold-expiry-interval=200ms")
@WithMutableClock
class PathwayStepIT extends SurgeonAndPatient {

	UUID pathway;

	UUID step;

	@BeforeEach
	void pathwayAndStep() {
		pathway = UUID.randomUUID();
		step = UUID.randomUUID();
	}

	@Test
	void aHoldMadeForAStepKeepsItThroughConfirmRescheduleAndCancelAndEveryEventNamesIt() {
		Instant start = weekdayAt(3, "09:00");
		Instant later = weekdayAt(3, "10:00");
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			Map<String, Object> hold = created(post("/api/slots/holds", form(start, "")));
			UUID id = UUID.fromString((String) hold.get("id"));
			assertThat(hold).containsEntry("pathwayId", pathway.toString()).containsEntry("stepId", step.toString());

			Map<String, Object> confirmed = created(
					http.post().uri("/api/slots/holds/{id}/confirm", id).header("If-Match", "\"0\"").exchange());
			assertThat(confirmed).containsEntry("kind", "APPOINTMENT")
				.containsEntry("pathwayId", pathway.toString())
				.containsEntry("stepId", step.toString());
			command(id, "reschedule", "{\"start\": \"" + later + "\"}");
			Map<String, Object> cancelled = command(id, "cancel", "{\"reason\": \"TRAVEL_DISRUPTION\"}");

			assertThat(cancelled).containsEntry("status", "CANCELLED").containsEntry("stepId", step.toString());
			assertThat(fixtures.etag("/api/appointments/{id}", id)).isEqualTo("\"3\"");
			for (String type : List.of("scheduling.slot.held.v1", "scheduling.slot.released.v1",
					"scheduling.appointment.booked.v1", "scheduling.appointment.rescheduled.v1",
					"scheduling.appointment.cancelled.v1")) {
				assertNamesTheStep(events.await(about(id, type)));
			}
			assertThat(events.await(about(id, "scheduling.slot.released.v1")).data().path("reason").asString())
				.isEqualTo("CONFIRMED");
		}
	}

	@Test
	void anAppointmentBookedForAStepNamesItWhenCheckedInCompletedOrMissed() {
		Instant start = weekdayAt(2, "09:00");
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID attended = id(created(post("/api/appointments", form(start, ""))));
			UUID missed = id(created(
					post("/api/appointments", form(fixtures.patient(), start.plus(Duration.ofMinutes(30)), ""))));
			clock.advance(Duration.between(clock.instant(), start.minus(Duration.ofMinutes(10))));

			command(attended, "check-in", null);
			clock.advance(Duration.ofMinutes(45));
			assertThat(command(attended, "complete", null)).containsEntry("stepId", step.toString());
			command(missed, "no-show", null);

			for (String type : List.of("scheduling.appointment.booked.v1", "scheduling.appointment.checked-in.v1",
					"scheduling.appointment.completed.v1")) {
				assertNamesTheStep(events.await(about(attended, type)));
			}
			assertNamesTheStep(events.await(about(missed, "scheduling.appointment.no-show-recorded.v1")));
		}
	}

	@Test
	void aCoordinatorListsThePathwaysAppointmentsAndNoOthers() {
		Instant start = weekdayAt(2, "10:00");
		UUID forTheStep = id(created(post("/api/appointments", form(start, ""))));
		UUID otherStep = UUID.randomUUID();
		UUID forAnotherStep = id(created(post("/api/appointments",
				form(start.plus(Duration.ofMinutes(30)), "").replace(step.toString(), otherStep.toString()))));
		fixtures.book(surgeon, fixtures.patient(), start.plus(Duration.ofMinutes(60)), "consultation", "IN_PERSON");

		Map<?, ?> listed = okJson(http.get()
			.uri("/api/appointments?pathwayId={pathway}&practitionerId={surgeon}", pathway, surgeon.id()));
		assertThat(((List<?>) listed.get("content")).stream()
			.map(item -> String.valueOf(((Map<?, ?>) item).get("id")))
			.toList()).containsExactly(forTheStep.toString(), forAnotherStep.toString());

		http.get()
			.uri("/api/appointments?pathwayId=not-an-id")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aHoldReleasedOrLapsedSaysForWhichStep() {
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID released = id(created(post("/api/slots/holds", form(weekdayAt(4, "09:00"), ""))));
			UUID lapsing = id(created(
					post("/api/slots/holds", form(fixtures.patient(), weekdayAt(4, "10:00"), ", \"holdMinutes\": 5"))));

			http.post()
				.uri("/api/slots/holds/{id}/release", released)
				.header("If-Match", "\"0\"")
				.exchange()
				.expectStatus()
				.isOk();
			clock.advance(Duration.ofMinutes(6));

			assertNamesTheStep(events.await(about(released, "scheduling.slot.released.v1")));
			PublishedEvents.Received lapsed = events.await(about(lapsing, "scheduling.slot.released.v1"));
			assertThat(lapsed.data().path("reason").asString()).isEqualTo("EXPIRED");
			assertNamesTheStep(lapsed);
			await().untilAsserted(() -> assertThat(hold(lapsing)).containsEntry("status", "EXPIRED")
				.containsEntry("stepId", step.toString()));
		}
	}

	@Test
	void aRetriedBookingForAStepAnswersTheSameAndAKeyReusedForAnotherStepIsRefused() {
		String key = "booking-" + UUID.randomUUID();
		String body = form(weekdayAt(5, "09:00"), "");

		Map<String, Object> first = created(post("/api/appointments", body, key));
		Map<String, Object> again = cast(http.post()
			.uri("/api/appointments")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());

		assertThat(again).isEqualTo(first).containsEntry("stepId", step.toString());
		step = UUID.randomUUID();
		post("/api/appointments", form(weekdayAt(5, "09:00"), ""), key).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/idempotency-key-reused");
	}

	@Test
	void aStepWithoutItsPathwayOrAPathwayWithoutItsStepOrAnIdThatIsNoUuidIsRefusedAndChangesNothing() {
		Instant start = weekdayAt(5, "10:00");
		String withoutStep = """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON", "pathwayId": "%s"}
				""".formatted(surgeon.id(), patient, start, pathway);
		String withoutPathway = withoutStep.replace("pathwayId", "stepId");
		String notAnId = withoutStep.replace("\"" + pathway + "\"", "\"" + pathway + "\", \"stepId\": \"step-1\"");

		for (String path : List.of("/api/appointments", "/api/slots/holds")) {
			refusedNaming(post(path, withoutStep), "stepId");
			refusedNaming(post(path, withoutPathway), "pathwayId");
			refusedNaming(post(path, notAnId), "stepId");
		}
		refusedNaming(post("/api/waitlist", waitlistForm(", \"stepId\": \"" + step + "\"")), "pathwayId");

		assertThat(
				jdbc.sql("select count(*) from booking where patient_id = ?").param(patient).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from waitlist_entry where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aWaiterForAStepIsOfferedAHoldForTheSameStep() {
		Instant start = weekdayAt(3, "11:00");
		UUID taken = fixtures.book(surgeon, fixtures.patient(), start, "consultation", "IN_PERSON");
		Map<String, Object> entry = created(post("/api/waitlist",
				waitlistForm(", \"pathwayId\": \"" + pathway + "\", \"stepId\": \"" + step + "\"")));
		UUID entryId = id(entry);
		assertThat(entry).containsEntry("pathwayId", pathway.toString()).containsEntry("stepId", step.toString());

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			command(taken, "cancel", "{\"reason\": \"PATIENT_REQUEST\"}");

			PublishedEvents.Received offer = events.await(about(entryId, "scheduling.waitlist.offer-made.v1"));
			assertNamesTheStep(offer);
			UUID hold = UUID.fromString(offer.data().path("holdId").asString());
			assertNamesTheStep(events.await(about(hold, "scheduling.slot.held.v1")));
			assertThat(hold(hold)).containsEntry("stepId", step.toString())
				.containsEntry("pathwayId", pathway.toString());
			JsonNode noPathway = events.await(about(taken, "scheduling.appointment.cancelled.v1"))
				.envelope()
				.path("pathwayId");
			assertThat(noPathway.isNull() || noPathway.isMissingNode())
				.as("an appointment made for no pathway names none")
				.isTrue();
		}
	}

	private void assertNamesTheStep(PublishedEvents.Received event) {
		assertThat(event.data().path("stepId").asString()).as("stepId of %s", event.type()).isEqualTo(step.toString());
		assertThat(event.envelope().path("pathwayId").asString()).as("pathwayId on the envelope of %s", event.type())
			.isEqualTo(pathway.toString());
	}

	private static Predicate<PublishedEvents.Received> about(UUID subject, String type) {
		return PublishedEvents.about(subject.toString()).and(PublishedEvents.ofType(type));
	}

	private Instant weekdayAt(int n, String localTime) {
		return SchedulingFixtures.weekdayAt(clock, surgeon, n, localTime);
	}

	private String form(Instant start, String more) {
		return form(patient, start, more);
	}

	private String form(UUID patient, Instant start, String more) {
		return """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON", "pathwayId": "%s", "stepId": "%s"%s}
				""".formatted(surgeon.id(), patient, start, pathway, step, more);
	}

	private String waitlistForm(String more) {
		return """
				{"patientId": "%s", "practitionerId": "%s", "appointmentType": "consultation", "from": "%s",
				 "to": "%s"%s}
				""".formatted(patient, surgeon.id(), weekdayAt(3, "09:00"), weekdayAt(3, "12:00"), more);
	}

	private RestTestClient.ResponseSpec post(String path, String body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec post(String path, String body, String key) {
		return http.post()
			.uri(path)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private Map<String, Object> command(UUID appointment, String command, String body) {
		RestTestClient.RequestBodySpec request = http.post()
			.uri("/api/appointments/{id}/" + command, appointment)
			.header("If-Match", fixtures.etag("/api/appointments/{id}", appointment));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return cast(request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody());
	}

	private Map<String, Object> hold(UUID id) {
		return cast(http.get()
			.uri("/api/slots/holds/{id}", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody());
	}

	private static Map<String, Object> created(RestTestClient.ResponseSpec response) {
		return cast(response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> view) {
		return (Map<String, Object>) view;
	}

	private static UUID id(Map<String, Object> view) {
		return UUID.fromString((String) view.get("id"));
	}

}
