package care.parcours.patient.moves;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PathwayMoveRequested.Link;
import care.parcours.patient.pathways.PathwayService.BookedStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovePlanTests {

	static final Instant ANCHOR = Instant.parse("2027-02-10T08:00:00Z");

	static final Instant LATER = ANCHOR.plus(Duration.ofDays(3));

	static BookedStep booked(String key, Duration offset, Duration tolerance, boolean anchor) {
		return new BookedStep(UUID.randomUUID(), key, UUID.randomUUID(), ANCHOR.plus(offset), offset, tolerance,
				List.of(), anchor);
	}

	@Test
	void nothingBookedAsksNothingOfScheduling() {
		assertThat(MovePlan.of(List.of(), ANCHOR, LATER)).isEmpty();
	}

	@Test
	void theBookedAnchorMovesByTheShiftAndTheOthersKeepTheirDistanceWithinTheirTolerance() {
		BookedStep consult = booked("pre-op", Duration.ofDays(-1), Duration.ofHours(12), false);
		BookedStep surgery = booked("surgery", Duration.ZERO, Duration.ZERO, true);
		BookedStep followUp = booked("follow-up", Duration.ofDays(7), Duration.ofDays(1), false);

		MovePlan plan = MovePlan.of(List.of(consult, surgery, followUp), ANCHOR, LATER).orElseThrow();

		assertThat(plan.root()).isEqualTo(surgery);
		assertThat(plan.rootStart()).isEqualTo(LATER);
		assertThat(plan.links()).containsExactly(new Link(surgery.bookingId(), consult.bookingId(), "-PT24H", "PT12H"),
				new Link(surgery.bookingId(), followUp.bookingId(), "PT168H", "PT24H"));
		assertThat(plan.booked()).extracting(BookedStep::key).containsExactly("surgery", "pre-op", "follow-up");
	}

	@Test
	void withoutTheAnchorBookedTheStepNearestItIsTheRoot() {
		BookedStep teleconsultation = booked("teleconsultation", Duration.ofDays(-30), Duration.ofDays(2), false);
		BookedStep consult = booked("pre-op", Duration.ofDays(-1), Duration.ofHours(12), false);
		BookedStep followUp = booked("follow-up", Duration.ofDays(7), Duration.ofDays(1), false);

		MovePlan plan = MovePlan
			.of(List.of(teleconsultation, followUp, consult), ANCHOR, ANCHOR.minus(Duration.ofDays(2)))
			.orElseThrow();

		assertThat(plan.root()).isEqualTo(consult);
		assertThat(plan.rootStart()).isEqualTo(consult.start().minus(Duration.ofDays(2)));
		assertThat(plan.links()).extracting(Link::to)
			.containsExactly(teleconsultation.bookingId(), followUp.bookingId());
	}

	@Test
	void durationsAreWrittenWithTheSignBeforeThePAsTheEventSchemaWants() {
		assertThat(MovePlan.iso(Duration.ofHours(-36))).isEqualTo("-PT36H");
		assertThat(MovePlan.iso(Duration.ZERO)).isEqualTo("PT0S");
		assertThat(MovePlan.iso(Duration.ofMinutes(90))).isEqualTo("PT1H30M");
	}

}
