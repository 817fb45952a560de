package care.parcours.platform.testapp.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;

/**
 * A thing reserved for a day. Every change checks the status, takes the time as an
 * argument (never {@code now()} inside) and returns the reservation after it with the
 * events it causes, for the repository to write together.
 *
 * @param version incremented by every change, the {@code ETag} clients send back
 */
record Reservation(UUID id, UUID thingId, LocalDate day, Status status, long version, Instant placedAt) {

	enum Status {

		PLACED, CANCELLED

	}

	/** A reservation after a change, and what to announce. */
	record Change(Reservation reservation, List<ReservationEvent> events) {

		Change(Reservation reservation, ReservationEvent event) {
			this(reservation, List.of(event));
		}

	}

	static Change place(UUID id, UUID thingId, LocalDate day, Instant now) {
		Reservation placed = new Reservation(id, thingId, day, Status.PLACED, 0, now);
		return new Change(placed, new ReservationEvent.ReservationPlaced(id, thingId, day));
	}

	/** Gives the day back; only before it starts (in UTC, the test service's zone). */
	Change cancel(Instant now) {
		if (status != Status.PLACED) {
			throw new InvalidTransition(this, "cancelled");
		}
		if (!LocalDate.ofInstant(now, ZoneOffset.UTC).isBefore(day)) {
			throw new TooLateToCancel(this);
		}
		Reservation cancelled = new Reservation(id, thingId, day, Status.CANCELLED, version + 1, placedAt);
		return new Change(cancelled, new ReservationEvent.ReservationCancelled(id, thingId, day));
	}

	/** The reservation's status does not allow the change. */
	static final class InvalidTransition extends ConflictException {

		InvalidTransition(Reservation reservation, String change) {
			super("invalid-transition", "Reservation " + reservation.id() + " is " + reservation.status()
					+ " and cannot be " + change + ".");
		}

	}

	/** A day that has begun is used, not cancelled. */
	static final class TooLateToCancel extends RuleViolationException {

		TooLateToCancel(Reservation reservation) {
			super("too-late-to-cancel",
					"Reservation " + reservation.id() + " is for " + reservation.day() + ", which has begun.");
		}

	}

}
