package care.parcours.patient.moves;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.patient.pathways.PathwayService.BookedStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoveTests {

	static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");

	static final Instant ANCHOR = Instant.parse("2027-02-10T08:00:00Z");

	static final BookedStep SURGERY = new BookedStep(UUID.randomUUID(), "surgery", UUID.randomUUID(), ANCHOR,
			Duration.ZERO, Duration.ZERO, List.of(), true);

	static final BookedStep CONSULT = new BookedStep(UUID.randomUUID(), "pre-op", UUID.randomUUID(),
			ANCHOR.minus(Duration.ofDays(1)), Duration.ofDays(-1), Duration.ofHours(12), List.of(), false);

	static Move pending() {
		Instant later = ANCHOR.plus(Duration.ofDays(2));
		return Move.request(UUID.randomUUID(), UUID.randomUUID(), ANCHOR, later,
				MovePlan.of(List.of(SURGERY, CONSULT), ANCHOR, later), "coordinator", NOW);
	}

	@Test
	void aMoveWithNothingBookedIsAppliedAsSoonAsAsked() {
		Move move = Move.request(UUID.randomUUID(), UUID.randomUUID(), ANCHOR, ANCHOR.plus(Duration.ofDays(2)),
				Optional.empty(), "coordinator", NOW);

		assertThat(move.status()).isEqualTo(Move.Status.APPLIED);
		assertThat(move.answeredAt()).isEqualTo(NOW);
		assertThat(move.booked()).isEmpty();
	}

	@Test
	void aMoveOfBookedStepsWaitsForScheduling() {
		Move move = pending();

		assertThat(move.status()).isEqualTo(Move.Status.PENDING);
		assertThat(move.rootStart()).isEqualTo(ANCHOR.plus(Duration.ofDays(2)));
		assertThat(move.booked()).extracting(Move.Booked::stepId).containsExactly(SURGERY.stepId(), CONSULT.stepId());
	}

	@Test
	void aRefusalNamesTheStepWhoseAppointmentCouldNotMove() {
		Move refused = pending().refused(CONSULT.bookingId(), "NO_SLOT", NOW.plusSeconds(5));

		assertThat(refused.status()).isEqualTo(Move.Status.REFUSED);
		assertThat(refused.refusal()).isEqualTo(new Move.Refusal(CONSULT.stepId(), CONSULT.bookingId(), "NO_SLOT"));
	}

	@Test
	void aRefusalToBlameNoAppointmentNamesNoStep() {
		Move refused = pending().refused(null, "INVALID_LINKS", NOW.plusSeconds(5));

		assertThat(refused.refusal()).isEqualTo(new Move.Refusal(null, null, "INVALID_LINKS"));
	}

	@Test
	void aMoveIsAnsweredOnce() {
		Move applied = pending().applied(UUID.randomUUID(), List.of(SURGERY.bookingId()), NOW.plusSeconds(5));

		assertThat(applied.status()).isEqualTo(Move.Status.APPLIED);
		assertThatThrownBy(() -> applied.refused(null, "NO_SLOT", NOW.plusSeconds(6)))
			.isInstanceOf(Move.MoveAnswered.class)
			.hasMessageContaining("APPLIED");
	}

}
