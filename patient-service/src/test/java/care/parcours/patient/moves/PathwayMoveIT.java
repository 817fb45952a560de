package care.parcours.patient.moves;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.patient.timeline.StepWork;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.alerts;
import static care.parcours.patient.pathways.PathwayFixtures.read;
import static care.parcours.patient.pathways.PathwayFixtures.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moving a whole pathway when its anchor slips. The test plays scheduling's side: it
 * reads the move requested on the patient topic and publishes the cascade's answer (and
 * the rescheduled appointments) on scheduling's.
 */
@ParcoursTest
class PathwayMoveIT {

	static final Duration SLIP = Duration.ofDays(2);

	@Autowired
	RestTestClient http;

	Instant anchor;

	UUID pathway;

	UUID preOp;

	UUID surgery;

	UUID followUp;

	@BeforeEach
	void openPathway() {
		anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(20));
		JsonNode opened = PathwayFixtures.opened(http, anchor);
		pathway = PathwayFixtures.id(opened);
		preOp = PathwayFixtures.stepId(opened, "pre-op");
		surgery = PathwayFixtures.stepId(opened, "surgery");
		followUp = PathwayFixtures.stepId(opened, "follow-up");
	}

	@Test
	void aPathwayWithNothingBookedMovesAtOnce() {
		long version = version();

		JsonNode move = moveAnchor(anchor.plus(SLIP), version).expectStatus()
			.isAccepted()
			.expectHeader()
			.valueEquals("ETag", "\"" + (version + 1) + "\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(move.path("status").asString()).isEqualTo("APPLIED");
		assertThat(dueAt(followUp)).isEqualTo(anchor.plus(Duration.ofDays(7)).plus(SLIP));
		assertThat(dueAt(preOp)).isEqualTo(anchor.minus(Duration.ofDays(1)).plus(SLIP));
		assertThat(readMove(move).path("status").asString()).isEqualTo("APPLIED");
	}

	@Test
	void bookedStepsMoveWithTheirAppointmentsOnceSchedulingAppliesTheCascade() {
		UUID consult = book(preOp, anchor.minus(Duration.ofDays(1)));
		UUID operation = book(surgery, anchor);

		JsonNode move = moveAnchor(anchor.plus(SLIP), version()).expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(move.path("status").asString()).isEqualTo("PENDING");
		assertThat(dueAt(followUp)).as("not booked: follows the anchor at once")
			.isEqualTo(anchor.plus(Duration.ofDays(7)).plus(SLIP));
		assertThat(dueAt(surgery)).as("booked: waits for its appointment").isEqualTo(anchor);
		UUID moveId = UUID.fromString(move.path("id").asString());
		JsonNode asked = requested(moveId);
		assertThat(asked.path("rootAppointmentId").asString()).isEqualTo(operation.toString());
		assertThat(Instant.parse(asked.path("rootStart").asString())).isEqualTo(anchor.plus(SLIP));
		assertThat(asked.path("links")).singleElement().satisfies(link -> {
			assertThat(link.path("from").asString()).isEqualTo(operation.toString());
			assertThat(link.path("to").asString()).isEqualTo(consult.toString());
			assertThat(link.path("offset").asString()).isEqualTo("-PT24H");
			assertThat(link.path("tolerance").asString()).isEqualTo("PT12H");
		});

		UUID cascade = UUID.randomUUID();
		StepWork surgeryWork = StepWork.of(pathway, surgery);
		StepWork preOpWork = StepWork.of(pathway, preOp);
		Instant now = Instant.now();
		surgeryWork.publish(surgeryWork.rescheduled(operation, anchor, anchor.plus(SLIP)), operation, 1, now);
		preOpWork.publish(preOpWork.rescheduled(consult, anchor.minus(Duration.ofDays(1)),
				anchor.minus(Duration.ofDays(1)).plus(SLIP)), consult, 1, now);
		TestEvents.publish(new CascadeApplied(cascade, UUID.randomUUID(), moveId, List.of(operation, consult)), cascade,
				0, pathway, now);

		await().untilAsserted(() -> assertThat(readMove(move).path("status").asString()).isEqualTo("APPLIED"));
		await().untilAsserted(() -> assertThat(dueAt(surgery)).isEqualTo(anchor.plus(SLIP)));
		assertThat(dueAt(preOp)).isEqualTo(anchor.minus(Duration.ofDays(1)).plus(SLIP));
		assertThat(readMove(move).path("steps")).allSatisfy(step -> {
			assertThat(step.path("moved").asBoolean()).isTrue();
			assertThat(Instant.parse(step.path("start").asString()))
				.isEqualTo(Instant.parse(step.path("previousStart").asString()).plus(SLIP));
		});
		assertThat(whats()).contains("MOVE_REQUESTED", "MOVE_APPLIED");
	}

	@Test
	void aRefusedMoveNamesTheStepThatCouldNotMoveAndAlertsItsCoordinator() {
		UUID consult = book(preOp, anchor.minus(Duration.ofDays(1)));
		book(surgery, anchor);
		JsonNode move = moveAnchor(anchor.plus(SLIP), version()).expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		UUID moveId = UUID.fromString(move.path("id").asString());

		TestEvents.publish(new CascadeRefused(moveId, consult, "NO_SLOT"), moveId, 0, pathway, Instant.now());

		await().untilAsserted(() -> assertThat(readMove(move).path("status").asString()).isEqualTo("REFUSED"));
		JsonNode refusal = readMove(move).path("refusal");
		assertThat(refusal.path("stepId").asString()).isEqualTo(preOp.toString());
		assertThat(refusal.path("appointmentId").asString()).isEqualTo(consult.toString());
		assertThat(refusal.path("reason").asString()).isEqualTo("NO_SLOT");
		assertThat(alerts(read(http, pathway), "MOVE_REFUSED")).singleElement()
			.satisfies(alert -> assertThat(alert.path("stepId").asString()).isEqualTo(preOp.toString()));
		assertThat(dueAt(preOp)).as("nothing moved in scheduling").isEqualTo(anchor.minus(Duration.ofDays(1)));
		moveAnchor(anchor.plus(SLIP).plus(SLIP), version()).expectStatus().isAccepted();
	}

	@Test
	void aSecondMoveWhileOneIsPendingIsAConflict() {
		book(surgery, anchor);
		moveAnchor(anchor.plus(SLIP), version()).expectStatus().isAccepted();

		moveAnchor(anchor.plus(SLIP).plus(SLIP), version()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/move-pending");
	}

	@Test
	void aMoveOnAStaleVersionMovesNothing() {
		long version = version();
		moveAnchor(anchor.plus(SLIP), version).expectStatus().isAccepted();

		moveAnchor(anchor.minus(SLIP), version).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
		assertThat(dueAt(followUp)).isEqualTo(anchor.plus(Duration.ofDays(7)).plus(SLIP));
	}

	/** Books the step's appointment as scheduling would, and waits for the step. */
	UUID book(UUID step, Instant start) {
		UUID appointment = UUID.randomUUID();
		StepWork work = StepWork.of(pathway, step);
		work.publish(work.booked(appointment, start, null), appointment, 0, Instant.now());
		await().untilAsserted(() -> assertThat(stepOf(read(http, pathway), step).path("bookingId").asString())
			.isEqualTo(appointment.toString()));
		return appointment;
	}

	RestTestClient.ResponseSpec moveAnchor(Instant to, long version) {
		return http.post()
			.uri("/api/pathways/{id}/anchor", pathway)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"anchorAt\": \"" + to + "\"}")
			.exchange();
	}

	JsonNode readMove(JsonNode move) {
		return PathwayFixtures.got(http, "/api/pathways/{id}/moves/{moveId}", pathway, move.path("id").asString());
	}

	JsonNode requested(UUID moveId) {
		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			return events
				.await(PublishedEvents.about(pathway.toString())
					.and(PublishedEvents.ofType("patient.pathway.move-requested.v1"))
					.and(received -> moveId.toString().equals(received.data().path("moveId").asString())))
				.data();
		}
	}

	long version() {
		return read(http, pathway).path("version").asLong();
	}

	Instant dueAt(UUID step) {
		return Instant.parse(stepOf(read(http, pathway), step).path("dueAt").asString());
	}

	List<String> whats() {
		return PathwayFixtures.whats(http, pathway);
	}

}
