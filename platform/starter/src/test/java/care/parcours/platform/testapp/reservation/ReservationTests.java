package care.parcours.platform.testapp.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The reservation's own rules: no Spring, no database, time passed in. */
class ReservationTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

	private static final LocalDate TOMORROW = LocalDate.of(2026, 12, 8);

	private final UUID thing = UUID.randomUUID();

	@Test
	void placingAnnouncesTheReservationAtVersionZero() {
		Reservation.Change placed = Reservation.place(UUID.randomUUID(), thing, TOMORROW, NOW);

		assertThat(placed.reservation().status()).isEqualTo(Reservation.Status.PLACED);
		assertThat(placed.reservation().version()).isZero();
		assertThat(placed.events())
			.containsExactly(new ReservationEvent.ReservationPlaced(placed.reservation().id(), thing, TOMORROW));
	}

	@Test
	void cancellingBeforeTheDayGivesItBackAndMovesTheVersionOn() {
		Reservation placed = Reservation.place(UUID.randomUUID(), thing, TOMORROW, NOW).reservation();

		Reservation.Change cancelled = placed.cancel(NOW);

		assertThat(cancelled.reservation().status()).isEqualTo(Reservation.Status.CANCELLED);
		assertThat(cancelled.reservation().version()).isEqualTo(1);
		assertThat(cancelled.events())
			.containsExactly(new ReservationEvent.ReservationCancelled(placed.id(), thing, TOMORROW));
	}

	@Test
	void aCancelledReservationCannotBeCancelledAgain() {
		Reservation cancelled = Reservation.place(UUID.randomUUID(), thing, TOMORROW, NOW)
			.reservation()
			.cancel(NOW)
			.reservation();

		assertThatExceptionOfType(Reservation.InvalidTransition.class).isThrownBy(() -> cancelled.cancel(NOW))
			.withMessageContaining("is CANCELLED and cannot be cancelled");
	}

	@Test
	void aDayThatHasBegunCannotBeCancelled() {
		Reservation placed = Reservation.place(UUID.randomUUID(), thing, TOMORROW, NOW).reservation();

		assertThatExceptionOfType(Reservation.TooLateToCancel.class)
			.isThrownBy(() -> placed.cancel(Instant.parse("2026-12-08T00:00:00Z")));
		assertThat(placed.cancel(Instant.parse("2026-12-07T23:59:59Z")).reservation().status())
			.isEqualTo(Reservation.Status.CANCELLED);
	}

}
