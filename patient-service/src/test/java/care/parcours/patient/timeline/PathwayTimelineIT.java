package care.parcours.patient.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.got;
import static care.parcours.patient.pathways.PathwayFixtures.id;
import static care.parcours.patient.pathways.PathwayFixtures.read;
import static care.parcours.patient.pathways.PathwayFixtures.stepId;
import static care.parcours.patient.pathways.PathwayFixtures.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduling's news through the real consumer: each event becomes an entry of its
 * pathway's timeline and moves the step it was made for, whatever order it arrives in and
 * however often.
 */
@ParcoursTest
class PathwayTimelineIT {

	@Autowired
	RestTestClient http;

	Instant anchor;

	UUID pathway;

	UUID preOp;

	StepWork work;

	/** When the story happened: an hour apart each, before now. */
	Instant t(int hour) {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)).plus(Duration.ofHours(hour));
	}

	@BeforeEach
	void openPathway() {
		anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(20));
		JsonNode opened = PathwayFixtures.opened(http, anchor);
		pathway = id(opened);
		preOp = stepId(opened, "pre-op");
		work = StepWork.of(pathway, preOp);
	}

	@Test
	void aHoldConfirmedIntoAnAppointmentSchedulesTheStepAtItsStart() {
		UUID hold = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));

		work.publish(work.held(hold, start), hold, 0, t(0));
		work.publish(work.released(hold, start, "CONFIRMED"), hold, 1, t(1));
		work.publish(work.booked(hold, start, hold), hold, 1, t(1));

		await().untilAsserted(
				() -> assertThat(whats()).containsExactly("SLOT_HELD", "HOLD_CONFIRMED", "APPOINTMENT_BOOKED"));
		JsonNode step = stepOf(read(http, pathway), preOp);
		assertThat(step.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(Instant.parse(step.path("dueAt").asString())).isEqualTo(start);
		assertThat(step.path("bookingId").asString()).isEqualTo(hold.toString());
		assertThat(timeline().get(0).path("details").path("start").asString()).isEqualTo(start.toString());
	}

	@Test
	void newsArrivingOutOfOrderIsShownWhenItHappenedAndLeavesTheStepWhereTheStoryEnds() {
		UUID appointment = UUID.randomUUID();
		Instant booked = anchor.minus(Duration.ofDays(2));
		Instant moved = anchor.minus(Duration.ofDays(1));

		work.publish(work.completed(appointment, t(3)), appointment, 3, t(3));
		work.publish(work.rescheduled(appointment, booked, moved), appointment, 1, t(1));
		work.publish(work.booked(appointment, booked, null), appointment, 0, t(0));
		work.publish(work.checkedIn(appointment, t(2)), appointment, 2, t(2));

		await().untilAsserted(() -> assertThat(whats()).containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_RESCHEDULED",
				"APPOINTMENT_CHECKED_IN", "APPOINTMENT_COMPLETED"));
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("DONE");
		assertThat(timeline()).extracting(entry -> entry.path("applied").asBoolean())
			.as("the booking and the check-in came after the completion: shown, not applied")
			.containsExactly(false, true, false, true);
	}

	@Test
	void anOlderRescheduleArrivingLateNeverMovesTheStepBack() {
		UUID appointment = UUID.randomUUID();
		Instant first = anchor.minus(Duration.ofDays(3));
		Instant second = anchor.minus(Duration.ofDays(2));
		Instant last = anchor.minus(Duration.ofDays(1));

		work.publish(work.booked(appointment, first, null), appointment, 0, t(0));
		work.publish(work.rescheduled(appointment, second, last), appointment, 2, t(2));
		work.publish(work.rescheduled(appointment, first, second), appointment, 1, t(1));

		await().untilAsserted(() -> assertThat(timeline()).hasSize(3));
		JsonNode step = stepOf(read(http, pathway), preOp);
		assertThat(step.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(Instant.parse(step.path("dueAt").asString())).isEqualTo(last);
		JsonNode late = timeline().get(1);
		assertThat(late.path("sourceVersion").asLong()).isEqualTo(1);
		assertThat(late.path("applied").asBoolean()).isFalse();
		assertThat(late.has("stepStatus")).isFalse();
	}

	@Test
	void newsDeliveredTwiceOrRepublishedUnderANewIdChangesNothing() {
		UUID appointment = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));

		EventEnvelope booked = work.publish(work.booked(appointment, start, null), appointment, 0, t(0));
		TestEvents.redeliver(booked, SchedulingEvent.class);
		work.publish(work.booked(appointment, start, null), appointment, 0, t(0));
		EventEnvelope cancelled = work.publish(work.cancelled(appointment, start), appointment, 1, t(1));
		TestEvents.redeliver(cancelled, SchedulingEvent.class);
		work.publish(work.cancelled(appointment, start), appointment, 1, t(1));
		work.publish(work.offered(UUID.randomUUID(), UUID.randomUUID(), start), appointment, 0, t(2));

		await().untilAsserted(() -> assertThat(whats()).contains("WAITLIST_OFFER_MADE"));
		assertThat(whats()).containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_CANCELLED", "WAITLIST_OFFER_MADE");
		JsonNode read = read(http, pathway);
		assertThat(stepOf(read, preOp).path("status").asString()).isEqualTo("BROKEN");
		assertThat(PathwayFixtures.alerts(read, "APPOINTMENT_CANCELLED")).hasSize(1);
	}

	@Test
	void aCancelledAppointmentBreaksItsStepAndAlertsUntilTheSystemSeesTheStepRebooked() {
		UUID cancelled = UUID.randomUUID();
		UUID rebooked = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));

		work.publish(work.booked(cancelled, start, null), cancelled, 0, t(0));
		work.publish(work.cancelled(cancelled, start), cancelled, 1, t(1));

		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("BROKEN"));
		assertThat(PathwayFixtures.alerts(read(http, pathway), "APPOINTMENT_CANCELLED")).singleElement()
			.satisfies(alert -> assertThat(alert.has("resolvedAt")).isFalse());

		work.publish(work.booked(rebooked, start.plus(Duration.ofHours(2)), null), rebooked, 0, t(2));

		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("SCHEDULED"));
		assertThat(PathwayFixtures.alerts(read(http, pathway), "APPOINTMENT_CANCELLED")).singleElement()
			.satisfies(alert -> {
				assertThat(alert.path("resolvedBy").asString()).isEqualTo("system");
				assertThat(alert.path("resolution").asString()).isEqualTo("STEP_SCHEDULED");
			});
		assertThat(timeline()).extracting(entry -> entry.path("stepStatus").asString(""))
			.containsExactly("SCHEDULED", "BROKEN", "SCHEDULED");
	}

	@Test
	void aMissedAppointmentBreaksItsStepWithANoShowAlert() {
		UUID appointment = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));

		work.publish(work.booked(appointment, start, null), appointment, 0, t(0));
		work.publish(work.missed(appointment, start), appointment, 1, t(1));

		await().untilAsserted(
				() -> assertThat(PathwayFixtures.alerts(read(http, pathway), "APPOINTMENT_NO_SHOW")).hasSize(1));
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("BROKEN");
	}

	@Test
	void aHoldThatLapsesWithNothingBookedPutsTheStepBackToPlanned() {
		UUID hold = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1)).plus(Duration.ofHours(3));

		work.publish(work.held(hold, start), hold, 0, t(0));
		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("SCHEDULED"));

		work.publish(work.released(hold, start, "EXPIRED"), hold, 1, t(1));

		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("PLANNED"));
		assertThat(whats()).containsExactly("SLOT_HELD", "HOLD_EXPIRED");
	}

	@Test
	void newsOfWorkMadeForNoPathwayIsIgnored() {
		UUID hold = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));

		TestEvents.publish(work.held(hold, start), hold, 0);
		work.publish(work.offered(UUID.randomUUID(), hold, start), hold, 0, t(1));

		await().untilAsserted(() -> assertThat(whats()).containsExactly("WAITLIST_OFFER_MADE"));
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("PLANNED");
	}

	@Test
	void thePatientsExportHoldsTheTimelinesOfTheirPathways() {
		UUID appointment = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));
		work.publish(work.booked(appointment, start, null), appointment, 0, t(0));
		await().untilAsserted(() -> assertThat(timeline()).hasSize(1));
		String patient = read(http, pathway).path("patientId").asString();

		JsonNode export = got(http, "/api/patients/{id}/export", patient);

		JsonNode timelines = export.path("pathwayTimelines");
		assertThat(timelines).singleElement().satisfies(timeline -> {
			assertThat(timeline.path("pathwayId").asString()).isEqualTo(pathway.toString());
			assertThat(timeline.path("facts")).singleElement()
				.satisfies(fact -> assertThat(fact.path("what").asString()).isEqualTo("APPOINTMENT_BOOKED"));
		});
	}

	@Test
	void theTimelineIsReadNewestFirstByPage() {
		UUID appointment = UUID.randomUUID();
		Instant start = anchor.minus(Duration.ofDays(1));
		work.publish(work.booked(appointment, start, null), appointment, 0, t(0));
		work.publish(work.checkedIn(appointment, t(1)), appointment, 1, t(1));
		work.publish(work.completed(appointment, t(2)), appointment, 2, t(2));
		await().untilAsserted(() -> assertThat(timeline()).hasSize(3));

		JsonNode page = got(http, "/api/pathways/{id}/timeline?size=2", pathway);

		assertThat(page.path("content")).extracting(entry -> entry.path("what").asString())
			.containsExactly("APPOINTMENT_COMPLETED", "APPOINTMENT_CHECKED_IN");
		assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(3);
	}

	@Test
	void aPartnerReadsTheTimelinesOfPathwaysAtItsOrganisationOnly() {
		UUID clinic = UUID.randomUUID();
		UUID atClinic = id(PathwayFixtures.opened(http, anchor, clinic));

		http.get()
			.uri("/api/pathways/{id}/timeline", atClinic)
			.header("Authorization", TestTokens.partner(clinic).bearer())
			.exchange()
			.expectStatus()
			.isOk();
		http.get()
			.uri("/api/pathways/{id}/timeline", pathway)
			.header("Authorization", TestTokens.partner(clinic).bearer())
			.exchange()
			.expectStatus()
			.isNotFound();
		http.get()
			.uri("/api/pathways/{id}/timeline", atClinic)
			.header("Authorization", TestTokens.partner(UUID.randomUUID()).bearer())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void anUnknownPathwayHasNoTimeline() {
		http.get()
			.uri("/api/pathways/{id}/timeline", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/pathway-not-found");
	}

	/** The pathway's timeline, oldest first. */
	List<JsonNode> timeline() {
		return PathwayFixtures.timeline(http, pathway);
	}

	List<String> whats() {
		return timeline().stream().map(entry -> entry.path("what").asString()).toList();
	}

}
