package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * A hold or an appointment. A hold becomes an appointment in place when confirmed, so the
 * time is never free in between. Every change returns the booking after it and the events
 * it causes.
 *
 * @param id the hold's or appointment's id
 * @param kind hold or appointment
 * @param status where it stands
 * @param claim whose time, for whom, when, how
 * @param step the care pathway step it was made for; an appointment confirmed from a hold
 * keeps the hold's, and every event about it names it
 * @param expiresAt when a hold lapses
 * @param joinToken the secret of a teleconsultation's join link
 * @param cancelReason why it was cancelled
 * @param waitlistEntryId the waiting-list entry a hold was offered to
 * @param chainId the care pathway chain an appointment belongs to
 * @param version incremented by every change
 * @param createdAt when it was placed
 */
public record Booking(UUID id, Kind kind, BookingStatus status, SlotClaim claim, @Nullable PathwayStep step,
		@Nullable Instant expiresAt, @Nullable String joinToken, @Nullable CancelReason cancelReason,
		@Nullable UUID waitlistEntryId, @Nullable UUID chainId, long version, Instant createdAt) {

	public enum Kind {

		HOLD, APPOINTMENT

	}

	/** A booking after a change, and what to announce. */
	public record Change(Booking booking, List<SchedulingEvent> events) {

		Change(Booking booking, SchedulingEvent event) {
			this(booking, List.of(event));
		}

	}

	public static Change hold(UUID id, SlotClaim claim, @Nullable PathwayStep step, Instant now, Duration holdFor,
			@Nullable UUID waitlistEntryId) {
		Booking hold = new Booking(id, Kind.HOLD, BookingStatus.HELD, claim, step, now.plus(holdFor), null, null,
				waitlistEntryId, null, 0, now);
		return new Change(hold,
				new SlotHeld(id, claim.practitionerId(), claim.partnerId(), claim.patientId(), claim.during().start(),
						claim.during().end(), claim.mode().name(), claim.appointmentType(), hold.expiresAt(),
						hold.stepId()));
	}

	public static Change book(UUID id, SlotClaim claim, @Nullable PathwayStep step, Instant now,
			@Nullable String joinToken) {
		Booking appointment = new Booking(id, Kind.APPOINTMENT, BookingStatus.BOOKED, claim, step, null,
				claim.mode() == Mode.TELECONSULTATION ? joinToken : null, null, null, null, 0, now);
		return new Change(appointment, appointment.booked(null));
	}

	public TimeRange during() {
		return claim.during();
	}

	/** The hold becomes an appointment on the same time. */
	public Change confirm(Instant now, @Nullable String newJoinToken) {
		requireHeld(now, "confirmed");
		Booking appointment = new Booking(id, Kind.APPOINTMENT, BookingStatus.BOOKED, claim, step, null,
				claim.mode() == Mode.TELECONSULTATION ? newJoinToken : null, null, waitlistEntryId, chainId,
				version + 1, createdAt);
		return new Change(appointment, List.of(released("CONFIRMED"), appointment.booked(id)));
	}

	public Change release(Instant now) {
		requireHeld(now, "released");
		return new Change(with(BookingStatus.RELEASED), released("RELEASED"));
	}

	public Change expire(Instant now) {
		if (kind != Kind.HOLD || status != BookingStatus.HELD || now.isBefore(expiresAt)) {
			throw new InvalidTransition(this, "expired");
		}
		return new Change(with(BookingStatus.EXPIRED), released("EXPIRED"));
	}

	public Change cancel(CancelReason reason, Instant now) {
		requireBookedAndNotStarted(now, "cancelled");
		Booking cancelled = new Booking(id, kind, BookingStatus.CANCELLED, claim, step, expiresAt, joinToken, reason,
				waitlistEntryId, chainId, version + 1, createdAt);
		return new Change(cancelled, new AppointmentCancelled(id, claim.practitionerId(), claim.partnerId(),
				claim.patientId(), during().start(), during().end(), reason.name(), stepId()));
	}

	/**
	 * Moves the appointment in place, booked or parked by a cascade; the caller makes the
	 * new time its own first.
	 */
	public Change reschedule(TimeRange to, Instant now, @Nullable UUID cascadeId) {
		if (status != BookingStatus.MOVING) {
			requireBookedAndNotStarted(now, "rescheduled");
		}
		if (!to.start().isAfter(now)) {
			throw new TimeInPast(to.start());
		}
		SlotClaim moved = new SlotClaim(claim.practitionerId(), claim.partnerId(), claim.patientId(), to, claim.mode(),
				claim.appointmentType());
		Booking rescheduled = new Booking(id, kind, BookingStatus.BOOKED, moved, step, expiresAt, joinToken, null,
				waitlistEntryId, chainId, version + 1, createdAt);
		return new Change(rescheduled, new AppointmentRescheduled(id, claim.practitionerId(), claim.partnerId(),
				claim.patientId(), during().start(), during().end(), to.start(), to.end(), cascadeId, stepId()));
	}

	public Change markNoShow(Instant now) {
		if (kind != Kind.APPOINTMENT || status != BookingStatus.BOOKED) {
			throw new InvalidTransition(this, "marked as a no-show");
		}
		if (now.isBefore(during().start())) {
			throw new RuleViolationException("not-started-yet",
					"Appointment " + id + " has not started yet: a patient can only miss it once it has begun.");
		}
		return new Change(with(BookingStatus.NO_SHOW), new AppointmentNoShowRecorded(id, claim.practitionerId(),
				claim.partnerId(), claim.patientId(), during().start(), during().end(), stepId()));
	}

	/** Patients may check in from two hours before the start until the end. */
	public Change checkIn(Instant now) {
		if (kind != Kind.APPOINTMENT || status != BookingStatus.BOOKED) {
			throw new InvalidTransition(this, "checked in");
		}
		if (now.isBefore(during().start().minus(Duration.ofHours(2))) || !now.isBefore(during().end())) {
			throw new RuleViolationException("outside-check-in-time",
					"Appointment " + id + " can be checked in from two hours before its start until its end.");
		}
		return new Change(with(BookingStatus.CHECKED_IN), new AppointmentCheckedIn(id, claim.practitionerId(),
				claim.partnerId(), claim.patientId(), now, stepId()));
	}

	public Change complete(Instant now) {
		if (kind != Kind.APPOINTMENT || status != BookingStatus.CHECKED_IN) {
			throw new InvalidTransition(this, "completed (only a checked-in appointment can be)");
		}
		return new Change(with(BookingStatus.COMPLETED), new AppointmentCompleted(id, claim.practitionerId(),
				claim.partnerId(), claim.patientId(), now, stepId()));
	}

	/**
	 * Takes the appointment out of the overlap checks while a cascade moves it past the
	 * chain's other appointments; {@link #reschedule} books it again at its new time. The
	 * same transaction always does both, so nobody ever sees it parked: it keeps its
	 * version.
	 */
	public Booking park(Instant now) {
		requireBookedAndNotStarted(now, "moved");
		return new Booking(id, kind, BookingStatus.MOVING, claim, step, expiresAt, joinToken, cancelReason,
				waitlistEntryId, chainId, version, createdAt);
	}

	/** The appointment joins a care pathway's chain; it belongs to one chain at most. */
	public Change inChain(UUID chain) {
		if (kind != Kind.APPOINTMENT || status != BookingStatus.BOOKED) {
			throw new RuleViolationException("not-chainable", "Appointment " + id + " is not a booked appointment.");
		}
		if (chainId != null) {
			throw new ConflictException("already-chained",
					"Appointment " + id + " already belongs to chain " + chainId + ".");
		}
		return new Change(new Booking(id, kind, status, claim, step, expiresAt, joinToken, cancelReason,
				waitlistEntryId, chain, version + 1, createdAt), List.of());
	}

	/**
	 * The appointment leaves its chain, whose rules no longer name it (a pathway's step
	 * rebooked under another appointment, say); whatever its status, it keeps its time.
	 */
	public Change outOfChain() {
		if (chainId == null) {
			throw new ConflictException("not-chained", "Appointment " + id + " belongs to no chain.");
		}
		return new Change(new Booking(id, kind, status, claim, step, expiresAt, joinToken, cancelReason,
				waitlistEntryId, null, version + 1, createdAt), List.of());
	}

	/** The care pathway it was made for, if any: its events carry it on the envelope. */
	public @Nullable UUID pathwayId() {
		return PathwayStep.pathwayOf(step);
	}

	/** The care pathway step it was made for, if any: its events carry it. */
	public @Nullable UUID stepId() {
		return PathwayStep.stepOf(step);
	}

	/** A live booking holds its practitioner's time. */
	public boolean isLive(Instant now) {
		return switch (status) {
			case HELD -> now.isBefore(expiresAt);
			case BOOKED, MOVING, CHECKED_IN, COMPLETED, NO_SHOW -> true;
			case RELEASED, EXPIRED, CANCELLED -> false;
		};
	}

	private void requireHeld(Instant now, String change) {
		if (kind != Kind.HOLD || status != BookingStatus.HELD) {
			throw new InvalidTransition(this, change);
		}
		if (!now.isBefore(expiresAt)) {
			throw new ConflictException("hold-expired", "Hold " + id + " lapsed at " + expiresAt + ".");
		}
	}

	private void requireBookedAndNotStarted(Instant now, String change) {
		if (kind != Kind.APPOINTMENT || status != BookingStatus.BOOKED) {
			throw new InvalidTransition(this, change);
		}
		if (!now.isBefore(during().start())) {
			throw new RuleViolationException("already-started",
					"Appointment " + id + " has started; it can no longer be " + change + ".");
		}
	}

	private Booking with(BookingStatus next) {
		return new Booking(id, kind, next, claim, step, expiresAt, joinToken, cancelReason, waitlistEntryId, chainId,
				version + 1, createdAt);
	}

	private SlotReleased released(String reason) {
		return new SlotReleased(id, claim.practitionerId(), claim.partnerId(), during().start(), during().end(), reason,
				stepId());
	}

	private AppointmentBooked booked(@Nullable UUID holdId) {
		return new AppointmentBooked(id, claim.practitionerId(), claim.partnerId(), claim.patientId(), during().start(),
				during().end(), claim.mode().name(), claim.appointmentType(), holdId, stepId());
	}

	/** The booking's status does not allow the change. */
	public static final class InvalidTransition extends ConflictException {

		InvalidTransition(Booking booking, String change) {
			super("invalid-transition", (booking.kind() == Kind.HOLD ? "Hold " : "Appointment ") + booking.id() + " is "
					+ booking.status() + "; it cannot be " + change + ".");
		}

	}

	/** Nobody books the past. */
	public static final class TimeInPast extends RuleViolationException {

		public TimeInPast(Instant start) {
			super("time-in-past", "The start " + start + " is in the past.");
		}

	}

}
