package care.parcours.patient.pathways;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.patient.pathways.PathwayService.Progress;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.patient;
import static care.parcours.patient.pathways.PathwayFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calls the consumers of other services' events make (the timeline): each a
 * transaction over the locked pathway, each change announced, refusals answered as
 * {@link Progress.Ignored} rather than thrown.
 */
@ParcoursTest
class PathwayProgressIT {

	static final Instant SURGERY = Instant.parse(PathwayFixtures.SURGERY);

	static final Instant NOW = Instant.parse("2026-02-01T09:00:00Z");

	@Autowired
	RestTestClient http;

	@Autowired
	PathwayService service;

	@Test
	void aBookingSchedulesItsStepAtTheBookedStartAndFindsItsPathwayAgain() {
		Pathway pathway = open("booking");
		UUID preOp = step(pathway, "pre-op");
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.parse("2026-03-09T14:00:00Z");

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			Progress progress = service.scheduleStep(pathway.id(), preOp, appointment, start, NOW);

			assertThat(progress).isInstanceOf(Progress.Applied.class);
			PathwayStep scheduled = progress.pathway().step(preOp).orElseThrow();
			assertThat(scheduled.status()).isEqualTo(StepStatus.SCHEDULED);
			assertThat(scheduled.dueAt()).isEqualTo(start);
			PublishedEvents.Received changed = events.await(PublishedEvents.ofType("patient.pathway.step-changed.v1")
				.and(received -> received.data().get("status").asString().equals("SCHEDULED")
						&& received.data().get("stepId").asString().equals(preOp.toString())));
			assertThat(changed.envelope().get("pathwayId").asString()).isEqualTo(pathway.id().toString());
			assertThat(changed.envelope().get("aggregateVersion").asLong()).isOne();
		}
		assertThat(service.findByBooking(appointment).orElseThrow().id()).isEqualTo(pathway.id());
		assertThat(service.scheduleStep(pathway.id(), preOp, appointment, start, NOW))
			.isInstanceOf(Progress.Ignored.class);
		assertThat(service.get(pathway.id()).version()).isOne();
	}

	@Test
	void aCompletedStepIsDoneAndLaterFactsAboutItAreIgnored() {
		Pathway pathway = open("completed");
		UUID quote = step(pathway, "quote");

		assertThat(service.completeStep(pathway.id(), quote, NOW)).isInstanceOf(Progress.Applied.class);
		Progress late = service.breakStep(pathway.id(), quote, "CANCELLED", NOW);

		assertThat(late).isInstanceOfSatisfying(Progress.Ignored.class,
				ignored -> assertThat(ignored.reason()).contains("is DONE"));
		assertThat(service.get(pathway.id()).step(quote).orElseThrow().status()).isEqualTo(StepStatus.DONE);
	}

	@Test
	void aCancelledAppointmentBreaksItsStepAndItsAlertIsRaisedOnce() {
		Pathway pathway = open("broken");
		UUID surgery = step(pathway, "surgery");
		service.scheduleStep(pathway.id(), surgery, UUID.randomUUID(), SURGERY, NOW);

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			assertThat(service.breakStep(pathway.id(), surgery, "CANCELLED", NOW)).isInstanceOf(Progress.Applied.class);
			assertThat(service.raiseAlert(pathway.id(), surgery, AlertKind.APPOINTMENT_CANCELLED, NOW))
				.isInstanceOf(Progress.Applied.class);
			assertThat(service.raiseAlert(pathway.id(), surgery, AlertKind.APPOINTMENT_CANCELLED, NOW))
				.isInstanceOf(Progress.Ignored.class);

			PublishedEvents.Received raised = events.await(PublishedEvents.ofType("patient.pathway.alert-raised.v1")
				.and(PublishedEvents.about(pathway.id().toString())));
			assertThat(raised.data().get("kind").asString()).isEqualTo("APPOINTMENT_CANCELLED");
			assertThat(raised.data().get("stepId").asString()).isEqualTo(surgery.toString());
			assertThat(raised.envelope().get("pathwayId").asString()).isEqualTo(pathway.id().toString());
		}
		Pathway after = service.get(pathway.id());
		assertThat(after.step(surgery).orElseThrow().status()).isEqualTo(StepStatus.BROKEN);
		assertThat(after.openAlerts()).hasSize(1);
	}

	@Test
	void aStepLateBeyondItsToleranceIsOverdueAndAlertsAndTheCheckFindsOnlyLateSteps() {
		Pathway pathway = open("overdue");
		UUID teleconsultation = step(pathway, "teleconsultation");
		Instant late = Instant.parse("2026-02-08T09:00:00Z");

		assertThat(service.overdueCandidates(late, 1000)).extracting(PathwayService.DueStep::stepId)
			.contains(teleconsultation)
			.doesNotContain(step(pathway, "quote"));
		assertThat(service.markOverdue(pathway.id(), step(pathway, "quote"), late))
			.isInstanceOf(Progress.Ignored.class);

		Progress overdue = service.markOverdue(pathway.id(), teleconsultation, late);

		assertThat(overdue.pathway().step(teleconsultation).orElseThrow().status()).isEqualTo(StepStatus.OVERDUE);
		assertThat(overdue.pathway().openAlerts()).singleElement()
			.extracting(PathwayAlert::kind)
			.isEqualTo(AlertKind.STEP_OVERDUE);
		assertThat(service.overdueCandidates(late, 1000)).extracting(PathwayService.DueStep::stepId)
			.doesNotContain(teleconsultation);
	}

	@Test
	void factsAboutAnUnknownPathwayOrStepAreIgnored() {
		Pathway pathway = open("unknown");

		assertThat(service.completeStep(UUID.randomUUID(), UUID.randomUUID(), NOW))
			.isInstanceOfSatisfying(Progress.Ignored.class, ignored -> assertThat(ignored.pathway()).isNull());
		assertThat(service.completeStep(pathway.id(), UUID.randomUUID(), NOW)).isInstanceOf(Progress.Ignored.class);
		assertThat(service.raiseAlert(pathway.id(), UUID.randomUUID(), AlertKind.QUOTE_EXPIRED, NOW))
			.isInstanceOf(Progress.Ignored.class);
	}

	@Test
	void movingTheAnchorMovesUnbookedStepsAndAnswersTheBookedOnesWithTheirTiming() {
		Pathway pathway = open("anchor");
		UUID preOp = step(pathway, "pre-op");
		UUID surgery = step(pathway, "surgery");
		UUID preOpAppointment = UUID.randomUUID();
		UUID surgeryAppointment = UUID.randomUUID();
		service.scheduleStep(pathway.id(), preOp, preOpAppointment, SURGERY.minus(Duration.ofDays(1)), NOW);
		Progress booked = service.scheduleStep(pathway.id(), surgery, surgeryAppointment, SURGERY, NOW);
		Instant slipped = SURGERY.plus(Duration.ofDays(2));

		assertThatThrownBy(() -> service.moveAnchor(pathway.id(), slipped, new ExpectedVersion(0), NOW))
			.isInstanceOf(StaleVersion.class);
		PathwayService.AnchorMove move = service.moveAnchor(pathway.id(), slipped,
				new ExpectedVersion(booked.pathway().version()), NOW);

		assertThat(move.previousAnchor()).isEqualTo(SURGERY);
		assertThat(move.pathway().anchorAt()).isEqualTo(slipped);
		assertThat(move.pathway().step("follow-up-7").orElseThrow().dueAt())
			.isEqualTo(slipped.plus(Duration.ofDays(7)));
		assertThat(move.pathway().step(surgery).orElseThrow().dueAt()).isEqualTo(SURGERY);
		assertThat(move.booked()).extracting(PathwayService.BookedStep::bookingId, PathwayService.BookedStep::offset)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(preOpAppointment, Duration.ofDays(-1)),
					org.assertj.core.groups.Tuple.tuple(surgeryAppointment, Duration.ZERO));
		assertThat(move.booked().get(1).anchor()).isTrue();
		assertThat(move.booked().get(1).dependsOn()).containsExactly("pre-op");
	}

	@Test
	void anEndedPathwayIgnoresFacts() {
		Pathway pathway = open("ended");
		PathwayFixtures.post(http, "/api/pathways/" + pathway.id() + "/cancel", "\"0\"", "{\"reason\": \"Duplicate\"}")
			.expectStatus()
			.isOk();

		assertThat(service.completeStep(pathway.id(), step(pathway, "quote"), NOW)).isInstanceOfSatisfying(
				Progress.Ignored.class, ignored -> assertThat(ignored.reason()).contains("CANCELLED"));
	}

	private Pathway open(String tag) {
		return service.open(patient(http, tag), template(http, tag), null, SURGERY, "coordinator-1", null);
	}

	private static UUID step(Pathway pathway, String key) {
		return pathway.step(key).orElseThrow().id();
	}

}
