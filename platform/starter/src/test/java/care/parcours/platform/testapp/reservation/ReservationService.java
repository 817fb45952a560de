package care.parcours.platform.testapp.reservation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.problem.ConstraintProblems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and cancels reservations, each change with its events in one transaction. A day
 * taken twice is left to the database's unique index, whatever the concurrency;
 * {@link ReservationProblems} says what the refusal means.
 */
@Service
class ReservationService {

	private final Reservations reservations;

	private final Clock clock;

	ReservationService(Reservations reservations, Clock clock) {
		this.reservations = reservations;
		this.clock = clock;
	}

	@Transactional
	Reservation place(UUID thingId, LocalDate day) {
		Reservation.Change placed = Reservation.place(UUID.randomUUID(), thingId, day, clock.instant());
		// Named so that a refusal by the database can say which day and what is free.
		ConstraintProblems.attempting(placed.reservation());
		reservations.add(placed);
		return placed.reservation();
	}

	@Transactional
	Reservation cancel(UUID id, ExpectedVersion expected) {
		Reservation reservation = get(id);
		expected.requireCurrent("Reservation " + id, reservation.version());
		Reservation.Change cancelled = reservation.cancel(clock.instant());
		reservations.save(cancelled);
		return cancelled.reservation();
	}

	Reservation get(UUID id) {
		return reservations.find(id).orElseThrow(() -> new ReservationNotFound(id));
	}

	static final class ReservationNotFound extends NotFoundException {

		ReservationNotFound(UUID id) {
			super("reservation-not-found", "No reservation has the id " + id + ".");
		}

	}

}
