package care.parcours.scheduling.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.problem.ConstraintProblems;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places, changes and ends holds and appointments, each change with its events in one
 * transaction; an appointment takes every resource its type needs or none, and moves or
 * ends with all of them. Collisions are left to the database's exclusion constraints,
 * whatever the concurrency; {@link BookingConstraints} says what each refusal means.
 * Concurrent inserts checked by those constraints can deadlock: the transaction
 * PostgreSQL aborts is tried again, and then finds the slot free or taken.
 */
@Service
@RetryOnContention
public class BookingService {

	private final Bookings bookings;

	private final SlotChecks checks;

	private final ResourceChoice resources;

	private final ApplicationEventPublisher notices;

	private final TeleconsultationLinks links;

	private final SchedulingProperties properties;

	private final Clock clock;

	BookingService(Bookings bookings, SlotChecks checks, ResourceChoice resources, ApplicationEventPublisher notices,
			TeleconsultationLinks links, SchedulingProperties properties, Clock clock) {
		this.bookings = bookings;
		this.checks = checks;
		this.resources = resources;
		this.notices = notices;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	/** A request for a practitioner's time. */
	public record SlotRequest(UUID practitionerId, UUID patientId, Instant start, String appointmentType, Mode mode) {

	}

	@Transactional
	public Booking hold(SlotRequest request, @Nullable PathwayStep step, @Nullable Duration holdFor) {
		return placeHold(claim(request), step, holdFor == null ? properties.holdDuration() : holdFor, null);
	}

	/**
	 * Places a hold on a checked claim, as the waiting list does for the first waiter.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Booking placeHold(SlotClaim claim, @Nullable PathwayStep step, Duration holdFor,
			@Nullable UUID waitlistEntryId) {
		Instant now = clock.instant();
		return add(Booking.hold(UUID.randomUUID(), claim, step, now, holdFor, waitlistEntryId), now);
	}

	@Transactional
	public Booking book(SlotRequest request, @Nullable PathwayStep step) {
		Instant now = clock.instant();
		return add(Booking.book(UUID.randomUUID(), claim(request), step, now, links.newToken()), now);
	}

	@Transactional
	public Booking confirm(UUID holdId, ExpectedVersion expected) {
		Booking hold = locked(holdId, expected);
		// A hold does not count against the patient's other appointments; the confirmed
		// appointment does, and the database may refuse it: say so as for a booking.
		ConstraintProblems.attempting(hold.claim());
		Booking.Change confirmed = hold.confirm(clock.instant(), links.newToken());
		save(confirmed);
		notices.publishEvent(new BookingEvents.HoldConfirmed(holdId, hold.waitlistEntryId()));
		return confirmed.booking();
	}

	@Transactional
	public Booking release(UUID holdId, ExpectedVersion expected) {
		return release(locked(holdId, expected));
	}

	/** Gives up the hold offered to a waiting-list entry that was withdrawn. */
	@Transactional
	public Booking releaseWithdrawnOffer(UUID holdId) {
		return release(locked(holdId));
	}

	private Booking release(Booking hold) {
		Booking.Change released = hold.release(clock.instant());
		save(released);
		notices.publishEvent(new BookingEvents.HoldLapsed(hold.id(), hold.waitlistEntryId()));
		notices.publishEvent(new BookingEvents.SlotFreed(hold.claim().practitionerId(), hold.during()));
		return released.booking();
	}

	@Transactional
	public Booking cancel(UUID id, CancelReason reason, @Nullable String note, ExpectedVersion expected) {
		Booking appointment = locked(id, expected);
		Booking.Change cancelled = appointment.cancel(reason, clock.instant());
		save(cancelled);
		if (note != null && !note.isBlank()) {
			bookings.saveCancelNote(id, note.strip());
		}
		notices.publishEvent(new BookingEvents.SlotFreed(appointment.claim().practitionerId(), appointment.during()));
		return cancelled.booking();
	}

	/**
	 * Moves an appointment in place: the new time is taken in the same statement that
	 * gives up the old one, so the appointment is never without a time and never holds
	 * two.
	 */
	@Transactional
	public Booking reschedule(UUID id, Instant newStart, ExpectedVersion expected) {
		Instant now = clock.instant();
		Booking appointment = locked(id, expected);
		SlotClaim claim = appointment.claim();
		SlotClaim target = claim(new SlotRequest(claim.practitionerId(), claim.patientId(), newStart,
				claim.appointmentType(), claim.mode()));
		resources.requireFree(id, bookings.othersOf(id), target);
		return move(appointment, target.during(), null, now);
	}

	/** One appointment's new time in a cascade, planned at {@code version}. */
	public record CascadeMove(UUID appointmentId, long version, TimeRange to) {

	}

	/**
	 * Moves appointments of a chain together, in the cascade's transaction: they are
	 * first parked out of the overlap checks, so that they can move past each other, then
	 * each is checked again at its new time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveInCascade(List<CascadeMove> moves, UUID cascadeId) {
		Instant now = clock.instant();
		List<Booking> parked = moves.stream()
			.map(m -> locked(m.appointmentId(), new ExpectedVersion(m.version())).park(now))
			.toList();
		parked.forEach(bookings::park);
		for (int i = 0; i < moves.size(); i++) {
			move(parked.get(i), moves.get(i).to(), cascadeId, now);
		}
	}

	@Transactional
	public Booking markNoShow(UUID id, ExpectedVersion expected) {
		Booking.Change missed = locked(id, expected).markNoShow(clock.instant());
		save(missed);
		return missed.booking();
	}

	@Transactional
	public Booking checkIn(UUID id, ExpectedVersion expected) {
		Booking.Change arrived = locked(id, expected).checkIn(clock.instant());
		save(arrived);
		return arrived.booking();
	}

	@Transactional
	public Booking complete(UUID id, ExpectedVersion expected) {
		Booking.Change done = locked(id, expected).complete(clock.instant());
		save(done);
		return done.booking();
	}

	/** A booking, locked for the rest of the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Booking lock(UUID id) {
		return locked(id);
	}

	/**
	 * A booking if there is one, locked for the rest of the caller's transaction: for a
	 * caller to whom an unknown id is an answer, not an error (a refusal thrown through
	 * this transactional method would doom the caller's transaction).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Booking> lockIfPresent(UUID id) {
		return bookings.lock(id);
	}

	/**
	 * Writes the change of an appointment made by another feature through the appointment
	 * itself, as joining a chain; the change is checked by version.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void save(Booking.Change change) {
		bookings.save(change, clock.instant());
	}

	/**
	 * Ends lapsed holds, a batch at a time, so that their slots free up by themselves.
	 */
	@Transactional
	public int expireDueHolds(int limit) {
		Instant now = clock.instant();
		List<Booking> due = bookings.dueHolds(now, limit);
		due.forEach(hold -> expire(hold, now));
		return due.size();
	}

	/**
	 * Checks a request and records the claim as what the request attempts, so that an
	 * overlap refused by the database says which slot and what is free nearby.
	 */
	private SlotClaim claim(SlotRequest request) {
		SlotClaim claim = checks.claim(request.practitionerId(), request.patientId(), request.start(),
				request.appointmentType(), request.mode(), clock.instant());
		ConstraintProblems.attempting(claim);
		return claim;
	}

	/**
	 * Adds a booking with every resource its type needs, or none; a hold that lapsed but
	 * was not expired yet gives way first.
	 */
	private Booking add(Booking.Change added, Instant now) {
		SlotClaim claim = added.booking().claim();
		List<HeldResource> others = resources.choose(claim);
		expireLapsedHolds(claim.practitionerId(), claim.during(), now);
		bookings.add(added, others);
		return added.booking();
	}

	private Booking move(Booking appointment, TimeRange to, @Nullable UUID cascadeId, Instant now) {
		expireLapsedHolds(appointment.claim().practitionerId(), to, now);
		Booking.Change moved = appointment.reschedule(to, now, cascadeId);
		save(moved);
		notices.publishEvent(new BookingEvents.SlotFreed(appointment.claim().practitionerId(), appointment.during()));
		return moved.booking();
	}

	private void expireLapsedHolds(UUID practitionerId, TimeRange during, Instant now) {
		bookings.lapsedHolds(practitionerId, during, now).forEach(hold -> expire(hold, now));
	}

	private void expire(Booking hold, Instant now) {
		save(hold.expire(now));
		notices.publishEvent(new BookingEvents.HoldLapsed(hold.id(), hold.waitlistEntryId()));
		notices.publishEvent(new BookingEvents.SlotFreed(hold.claim().practitionerId(), hold.during()));
	}

	private Booking locked(UUID id, ExpectedVersion expected) {
		Booking booking = locked(id);
		expected.requireCurrent("Booking " + id, booking.version());
		return booking;
	}

	private Booking locked(UUID id) {
		return bookings.lock(id).orElseThrow(() -> new BookingNotFound(id));
	}

}
