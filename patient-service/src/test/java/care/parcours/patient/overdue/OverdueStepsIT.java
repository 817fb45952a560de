package care.parcours.patient.overdue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.patient.timeline.StepWork;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.alerts;
import static care.parcours.patient.pathways.PathwayFixtures.read;
import static care.parcours.patient.pathways.PathwayFixtures.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The overdue watch: a step past its due date and tolerance becomes overdue with one
 * alert, however many rounds see it; booking it resolves the alert. A booked step whose
 * appointment started that long ago without being completed is overdue too, until the
 * completion comes.
 */
@ParcoursTest
class OverdueStepsIT {

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	OverdueSteps overdue;

	@Test
	void aStepPastItsDueDateAndToleranceIsOverdueOnceAndAlertsUntilItIsBooked() {
		Instant anchor = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
		JsonNode opened = PathwayFixtures.opened(http, anchor);
		UUID pathway = PathwayFixtures.id(opened);
		UUID preOp = PathwayFixtures.stepId(opened, "pre-op");

		clock.advance(Duration.ofDays(1).plusHours(11));
		overdue.markNow();
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString())
			.as("due a day before the anchor, 12 hours' tolerance: not late yet")
			.isEqualTo("PLANNED");

		clock.advance(Duration.ofHours(2));
		await().untilAsserted(() -> {
			overdue.markNow();
			assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("OVERDUE");
		});
		overdue.markNow();
		JsonNode late = read(http, pathway);
		assertThat(alerts(late, "STEP_OVERDUE")).singleElement()
			.satisfies(alert -> assertThat(alert.path("stepId").asString()).isEqualTo(preOp.toString()));
		assertThat(stepOf(late, PathwayFixtures.stepId(opened, "surgery")).path("status").asString())
			.isEqualTo("PLANNED");
		http.get()
			.uri("/api/pathways/{id}/timeline", pathway)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].what")
			.isEqualTo("STEP_OVERDUE")
			.jsonPath("$.content[0].stepId")
			.isEqualTo(preOp.toString())
			.jsonPath("$.content.length()")
			.isEqualTo(1);

		UUID appointment = UUID.randomUUID();
		StepWork work = StepWork.of(pathway, preOp);
		work.publish(work.booked(appointment, clock.instant().plus(Duration.ofHours(3)), null), appointment, 0,
				clock.instant());

		await().untilAsserted(() -> assertThat(alerts(read(http, pathway), "STEP_OVERDUE")).singleElement()
			.satisfies(alert -> assertThat(alert.path("resolvedBy").asString()).isEqualTo("system")));
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("SCHEDULED");
	}

	@Test
	void aBookedStepWhoseAppointmentPassedWithoutCompletionIsOverdueOnceAndItsCompletionResolvesIt() {
		Instant anchor = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
		JsonNode opened = PathwayFixtures.opened(http, anchor);
		UUID pathway = PathwayFixtures.id(opened);
		UUID preOp = PathwayFixtures.stepId(opened, "pre-op");
		UUID appointment = UUID.randomUUID();
		Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
		StepWork work = StepWork.of(pathway, preOp);
		work.publish(work.booked(appointment, start, null), appointment, 0, clock.instant());
		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("SCHEDULED"));

		clock.advance(Duration.between(clock.instant(), start).plusHours(11));
		overdue.markNow();
		assertThat(stepOf(read(http, pathway), preOp).path("status").asString())
			.as("the appointment started 11 hours ago, 12 hours' tolerance: not late yet")
			.isEqualTo("SCHEDULED");

		clock.advance(Duration.ofHours(2));
		await().untilAsserted(() -> {
			overdue.markNow();
			assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("OVERDUE");
		});
		overdue.markNow();
		work.publish(work.checkedIn(appointment, clock.instant()), appointment, 1, clock.instant());
		await().untilAsserted(() -> assertThat(timelineOf(pathway)).contains("APPOINTMENT_CHECKED_IN"));
		overdue.markNow();
		JsonNode late = read(http, pathway);
		assertThat(stepOf(late, preOp).path("status").asString()).as("a late check-in leaves it late")
			.isEqualTo("OVERDUE");
		assertThat(stepOf(late, preOp).path("bookingId").asString()).isEqualTo(appointment.toString());
		assertThat(alerts(late, "STEP_OVERDUE")).singleElement()
			.satisfies(alert -> assertThat(alert.has("resolvedAt")).isFalse());

		work.publish(work.completed(appointment, clock.instant()), appointment, 2, clock.instant());

		await().untilAsserted(
				() -> assertThat(stepOf(read(http, pathway), preOp).path("status").asString()).isEqualTo("DONE"));
		assertThat(alerts(read(http, pathway), "STEP_OVERDUE")).singleElement().satisfies(alert -> {
			assertThat(alert.path("resolvedBy").asString()).isEqualTo("system");
			assertThat(alert.path("resolution").asString()).isEqualTo("STEP_DONE");
		});
		assertThat(timelineOf(pathway)).containsExactly("APPOINTMENT_BOOKED", "STEP_OVERDUE", "APPOINTMENT_CHECKED_IN",
				"APPOINTMENT_COMPLETED");
	}

	/** What happened on the pathway, oldest first. */
	List<String> timelineOf(UUID pathway) {
		return PathwayFixtures.whats(http, pathway);
	}

}
