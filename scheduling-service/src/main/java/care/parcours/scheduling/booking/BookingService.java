package care.parcours.scheduling.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import care.parcours.platform.problem.ConstraintProblems;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places, changes and ends holds and appointments, each change with its events in one
 * transaction; an appointment takes every resource its type needs or none, and moves or
 * ends with all of them. Collisions are left to the database's exclusion constraints,
 * whatever the concurrency; {@link BookingConstraints} says what each refusal means.
 * Concurrent inserts checked by those constraints can deadlock: the transaction
 * PostgreSQL aborts is tried again, and then finds the slot free or taken. A resource
 * chosen as "any of its kind" that another booking took in between is chosen again once.
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

	/**
	 * Where the resources of a booking are taken, so that losing one of them to another
	 * booking undoes that alone and they can be chosen again.
	 */
	private final TransactionTemplate savepoint;

	private final Clock clock;

	BookingService(Bookings bookings, SlotChecks checks, ResourceChoice resources, ApplicationEventPublisher notices,
			TeleconsultationLinks links, SchedulingProperties properties, PlatformTransactionManager transactions,
			Clock clock) {
		this.bookings = bookings;
		this.checks = checks;
		this.resources = resources;
		this.notices = notices;
		this.links = links;
		this.properties = properties;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	/** A request for a practitioner's time. */
	public record SlotRequest(UUID practitionerId, UUID patientId, Instant start, String appointmentType, Mode mode) {

	}

	/**
	 * A hold or an appointment just placed, with every resource it takes as written (its
	 * practitioner first): what its answer shows, without reading it back.
	 */
	public record Placed(Booking booking, List<TakenResource> resources) {

	}

	@Transactional
	public Placed hold(SlotRequest request, @Nullable PathwayStep step, @Nullable Duration holdFor) {
		Instant now = clock.instant();
		SlotChecks.Checked checked = check(request);
		return add(Booking.hold(UUID.randomUUID(), checked.claim(), step, now,
				holdFor == null ? properties.holdDuration() : holdFor, null), checked.roles(), now);
	}

	/**
	 * Places a hold on a checked claim, as the waiting list does for the first waiter.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Booking placeHold(SlotClaim claim, @Nullable PathwayStep step, Duration holdFor,
			@Nullable UUID waitlistEntryId) {
		Instant now = clock.instant();
		return add(Booking.hold(UUID.randomUUID(), claim, step, now, holdFor, waitlistEntryId), null, now).booking();
	}

	@Transactional
	public Placed book(SlotRequest request, @Nullable PathwayStep step) {
		Instant now = clock.instant();
		SlotChecks.Checked checked = check(request);
		return add(Booking.book(UUID.randomUUID(), checked.claim(), step, now, links.newToken()), checked.roles(), now);
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
		freed(hold, bookings.othersOf(hold.id()));
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
		freed(appointment, bookings.othersOf(id));
		return cancelled.booking();
	}

	/**
	 * Moves an appointment in place: the new time is taken in the same statement that
	 * gives up the old one, so the appointment is never without a time and never holds
	 * two. A resource of an "any of its kind" role taken at the new time is exchanged for
	 * a free one of the kind; a named one taken there refuses the move.
	 */
	@Transactional
	public Booking reschedule(UUID id, Instant newStart, ExpectedVersion expected) {
		Instant now = clock.instant();
		Booking appointment = locked(id, expected);
		SlotClaim claim = appointment.claim();
		SlotClaim target = claim(new SlotRequest(claim.practitionerId(), claim.patientId(), newStart,
				claim.appointmentType(), claim.mode()));
		return move(appointment, target.during(), null, now);
	}

	/** One appointment's new time in a cascade, planned at {@code version}. */
	public record CascadeMove(UUID appointmentId, long version, TimeRange to) {

	}

	/**
	 * Moves appointments of a chain together, in the cascade's transaction: they are
	 * first parked out of the overlap checks, so that they can move past each other, then
	 * each is checked again at its new time, choosing again a resource of an "any of its
	 * kind" role taken there, as a reschedule does.
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

	/** The resources a booking holds besides its practitioner, by role. */
	public List<HeldResource> resourcesOf(UUID bookingId) {
		return bookings.othersOf(bookingId);
	}

	/**
	 * Whether an appointment holding {@code held} could move to {@code to} with them, or
	 * with other free ones of the kind for its "any of a kind" roles, as a move would
	 * choose; the bookings {@code ignoring} are set aside (a chain moving together).
	 */
	public boolean resourcesFreeAt(Booking appointment, List<HeldResource> held, TimeRange to, Set<UUID> ignoring) {
		return resources.canMove(ignoring, held, appointment.claim().at(to));
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
		return check(request).claim();
	}

	/** {@link #claim(SlotRequest)}, with the roles of the claim's type as checked. */
	private SlotChecks.Checked check(SlotRequest request) {
		SlotChecks.Checked checked = checks.check(request.practitionerId(), request.patientId(), request.start(),
				request.appointmentType(), request.mode(), clock.instant());
		ConstraintProblems.attempting(checked.claim());
		return checked;
	}

	/**
	 * Adds a booking with every resource its type needs, or none; a hold that lapsed but
	 * was not expired yet gives way first.
	 * @param roles the roles of the booking's type as its check read them, null to read
	 * them
	 */
	private Placed add(Booking.Change added, @Nullable List<RequiredRole> roles, Instant now) {
		SlotClaim claim = added.booking().claim();
		List<HeldResource> others = choose(claim, roles);
		expireLapsedHolds(claim.practitionerId(), claim.during(), others, now);
		if (others.isEmpty()) {
			return new Placed(added.booking(), bookings.add(added));
		}
		return new Placed(added.booking(), choosingAgainOnce(() -> bookings.add(added, others), () -> {
			List<HeldResource> again = choose(claim, roles);
			expireLapsedHolds(claim.practitionerId(), claim.during(), again, now);
			return bookings.add(added, again);
		}));
	}

	private List<HeldResource> choose(SlotClaim claim, @Nullable List<RequiredRole> roles) {
		return roles == null ? resources.choose(claim) : resources.choose(claim, roles);
	}

	private Booking move(Booking appointment, TimeRange to, @Nullable UUID cascadeId, Instant now) {
		Booking.Change moved = appointment.reschedule(to, now, cascadeId);
		List<HeldResource> held = bookings.othersOf(appointment.id());
		expireLapsedHolds(appointment.claim().practitionerId(), to, held, now);
		if (held.isEmpty()) {
			save(moved);
		}
		else {
			choosingAgainOnce(() -> moveWith(appointment, held, moved, now),
					() -> moveWith(appointment, held, moved, now));
		}
		freed(appointment, held);
		return moved.booking();
	}

	/**
	 * Moves an appointment with the resources it holds, each kept or exchanged for a free
	 * one of the kind at the new time.
	 */
	private Booking moveWith(Booking appointment, List<HeldResource> held, Booking.Change moved, Instant now) {
		TimeRange to = moved.booking().during();
		List<HeldResource> exchanged = resources.exchanges(appointment.id(), held, appointment.claim().at(to));
		if (!exchanged.isEmpty()) {
			expireLapsedHolds(appointment.claim().practitionerId(), to, exchanged, now);
			exchanged.forEach(resource -> bookings.exchange(appointment.id(), resource, to));
		}
		save(moved);
		return moved.booking();
	}

	/**
	 * Another booking may take a chosen resource between the choice and the write, which
	 * then waits for it and is refused once it commits. The write is made in a savepoint,
	 * so that the refusal undoes it alone; the resources are then chosen again, seeing
	 * what the other booking took, and taken without a second chance.
	 */
	private <T> T choosingAgainOnce(Supplier<T> take, Supplier<T> takeAgain) {
		try {
			return savepoint.execute(status -> take.get());
		}
		catch (DataIntegrityViolationException refused) {
			if (!BookingConstraints.RESOURCE_FREE.equals(ConstraintProblems.violatedConstraint(refused))) {
				throw refused;
			}
			return takeAgain.get();
		}
	}

	/**
	 * Ends the lapsed holds that still claim the practitioner's time or one of the
	 * resources about to be taken, so that they never block them.
	 */
	private void expireLapsedHolds(UUID practitionerId, TimeRange during, List<HeldResource> resources, Instant now) {
		List<Booking> lapsed = resources.isEmpty() ? bookings.lapsedHolds(practitionerId, during, now)
				: bookings.lapsedHolds(practitionerId, during,
						resources.stream().map(HeldResource::resourceId).toList(),
						HeldResource.widest(resources, during), now);
		lapsed.forEach(hold -> expire(hold, now));
	}

	/**
	 * Tells the features that offer freed time (the waiting list) what a booking gave up:
	 * its practitioner's time and each of its other resources.
	 */
	private void freed(Booking booking, List<HeldResource> held) {
		notices.publishEvent(new BookingEvents.SlotFreed(booking.claim().practitionerId(), booking.during()));
		for (HeldResource resource : held) {
			notices.publishEvent(
					new BookingEvents.ResourceFreed(resource.resourceId(), resource.around(booking.during())));
		}
	}

	private void expire(Booking hold, Instant now) {
		save(hold.expire(now));
		notices.publishEvent(new BookingEvents.HoldLapsed(hold.id(), hold.waitlistEntryId()));
		freed(hold, bookings.othersOf(hold.id()));
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
