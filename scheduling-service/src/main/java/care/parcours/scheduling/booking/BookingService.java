package care.parcours.scheduling.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.GoneException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places, changes and ends holds and appointments, each change with its events in one
 * transaction. Collisions are left to the database's exclusion constraints, whatever the
 * concurrency; {@link BookingDesk} turns them into answers.
 */
@Service
public class BookingService {

	private final Bookings bookings;

	private final SlotChecks checks;

	private final Outbox outbox;

	private final ApplicationEventPublisher notices;

	private final TeleconsultationLinks links;

	private final SchedulingProperties properties;

	private final Clock clock;

	BookingService(Bookings bookings, SlotChecks checks, Outbox outbox, ApplicationEventPublisher notices,
			TeleconsultationLinks links, SchedulingProperties properties, Clock clock) {
		this.bookings = bookings;
		this.checks = checks;
		this.outbox = outbox;
		this.notices = notices;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	/** A request for a practitioner's time. */
	public record SlotRequest(UUID practitionerId, UUID patientId, Instant start, String appointmentType, Mode mode) {

	}

	@Transactional
	public Booking hold(SlotRequest request, @Nullable Duration holdFor) {
		Instant now = clock.instant();
		SlotClaim claim = checks.claim(request.practitionerId(), request.patientId(), request.start(),
				request.appointmentType(), request.mode(), now);
		return placeHold(claim, holdFor == null ? properties.holdDuration() : holdFor, null);
	}

	/**
	 * Places a hold on a checked claim, as the waiting list does for the first waiter.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Booking placeHold(SlotClaim claim, Duration holdFor, @Nullable UUID waitlistEntryId) {
		Instant now = clock.instant();
		Booking.Change held = Booking.hold(UUID.randomUUID(), claim, now, holdFor, waitlistEntryId);
		insertOrRefuse(held.booking(), now);
		announce(held);
		return held.booking();
	}

	@Transactional
	public Booking book(SlotRequest request) {
		Instant now = clock.instant();
		SlotClaim claim = checks.claim(request.practitionerId(), request.patientId(), request.start(),
				request.appointmentType(), request.mode(), now);
		Booking.Change booked = Booking.book(UUID.randomUUID(), claim, now, links.newToken());
		insertOrRefuse(booked.booking(), now);
		announce(booked);
		return booked.booking();
	}

	@Transactional
	public Booking confirm(UUID holdId, ExpectedVersion expected) {
		Booking hold = locked(holdId, expected);
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
		SlotClaim target = checks.claim(claim.practitionerId(), claim.patientId(), newStart, claim.appointmentType(),
				claim.mode(), now);
		return move(appointment, target.during(), null, now);
	}

	/** One appointment's new time in a cascade, planned at {@code version}. */
	public record CascadeMove(UUID appointmentId, long version, TimeRange to) {

	}

	/**
	 * Moves appointments of a chain together, in the cascade's transaction: they are
	 * first taken out of the overlap checks, so that they can move past each other, then
	 * each is checked again at its new time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveInCascade(List<CascadeMove> moves, UUID cascadeId) {
		Instant now = clock.instant();
		List<Booking> appointments = moves.stream()
			.map(m -> locked(m.appointmentId(), new ExpectedVersion(m.version())))
			.toList();
		bookings.park(appointments.stream().map(Booking::id).toList());
		for (int i = 0; i < moves.size(); i++) {
			move(appointments.get(i), moves.get(i).to(), cascadeId, now);
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

	public Booking get(UUID id) {
		return bookings.find(id).orElseThrow(() -> new BookingNotFound(id));
	}

	public Page<Booking> appointments(@Nullable UUID practitionerId, @Nullable UUID patientId, @Nullable UUID partnerId,
			@Nullable BookingStatus status, @Nullable TimeRange startingWithin, PageQuery page) {
		return bookings.appointments(practitionerId, patientId, partnerId, status, startingWithin, page);
	}

	/** The appointment a join link opens, while the link is valid. */
	public Booking join(String token) {
		Booking appointment = bookings.byJoinToken(token)
			.orElseThrow(() -> new NotFoundException("join-link-not-found", "No teleconsultation has this link."));
		if (appointment.status() == BookingStatus.CANCELLED
				|| !clock.instant().isBefore(links.expiresAt(appointment))) {
			throw new JoinLinkExpired();
		}
		return appointment;
	}

	public java.net.URI joinUrl(String token) {
		return links.joinUrl(token);
	}

	public Instant joinLinkExpiry(Booking appointment) {
		return links.expiresAt(appointment);
	}

	private Booking move(Booking appointment, TimeRange to, @Nullable UUID cascadeId, Instant now) {
		expireLapsedHolds(appointment.claim().practitionerId(), to, now);
		Booking.Change moved = appointment.reschedule(to, now, cascadeId);
		save(moved);
		notices.publishEvent(new BookingEvents.SlotFreed(appointment.claim().practitionerId(), appointment.during()));
		return moved.booking();
	}

	/**
	 * Inserts the booking, or says why it cannot be: a hold that lapsed but was not
	 * expired yet gives way; anything else live is a taken slot or a double-booked
	 * patient.
	 */
	private void insertOrRefuse(Booking booking, Instant now) {
		SlotClaim claim = booking.claim();
		if (bookings.insert(booking, now) || (expireLapsedHolds(claim.practitionerId(), claim.during(), now) > 0
				&& bookings.insert(booking, now))) {
			return;
		}
		if (bookings.practitionerTaken(claim, now)) {
			throw new SlotTaken(claim.practitionerId(), claim.during().start(), checks.nearby(claim.practitionerId(),
					claim.appointmentType(), claim.mode(), claim.during().start()));
		}
		throw new PatientDoubleBooked(claim.during().start());
	}

	private int expireLapsedHolds(UUID practitionerId, TimeRange during, Instant now) {
		List<Booking> lapsed = bookings.lapsedHolds(practitionerId, during, now);
		lapsed.forEach(hold -> expire(hold, now));
		return lapsed.size();
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

	private void save(Booking.Change change) {
		bookings.update(change.booking(), clock.instant());
		announce(change);
	}

	private void announce(Booking.Change change) {
		Booking booking = change.booking();
		for (SchedulingEvent event : change.events()) {
			outbox.publish(event, booking.id(), booking.version());
		}
	}

	/** No hold or appointment has this id. */
	public static final class BookingNotFound extends NotFoundException {

		public BookingNotFound(UUID id) {
			super("booking-not-found", "No hold or appointment has the id " + id + ".");
		}

	}

	/** The teleconsultation's link no longer opens it. */
	public static final class JoinLinkExpired extends GoneException {

		JoinLinkExpired() {
			super("join-link-expired", "This teleconsultation link has expired.");
		}

	}

}
