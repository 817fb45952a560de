package care.parcours.patient.overdue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import care.parcours.patient.timeline.PathwayFixtures;
import care.parcours.patient.timeline.StepWork;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.timeline.PathwayFixtures.read;
import static care.parcours.patient.timeline.PathwayFixtures.stepOf;
import static care.parcours.patient.timeline.PathwayFixtures.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The overdue watch: a step past its due date and tolerance becomes overdue with one
 * alert, however many rounds see it; booking it resolves the alert.
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
		UUID preOp = PathwayFixtures.step(opened, "pre-op");

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
		assertThat(stepOf(late, PathwayFixtures.step(opened, "surgery")).path("status").asString())
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

}
