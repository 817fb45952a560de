package care.parcours.scheduling.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.AvailabilityService;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.availability.WeeklyAvailability;
import care.parcours.scheduling.booking.BookingService;
import care.parcours.scheduling.booking.PathwayStep;
import care.parcours.scheduling.patients.KnownPatients;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts patients on waiting lists and takes them off. */
@Service
@RetryOnContention
class WaitlistService {

	private final Waitlist waitlist;

	private final KnownPatients patients;

	private final Availabilities availabilities;

	private final BookingService bookings;

	private final Clock clock;

	WaitlistService(Waitlist waitlist, KnownPatients patients, Availabilities availabilities, BookingService bookings,
			Clock clock) {
		this.waitlist = waitlist;
		this.patients = patients;
		this.availabilities = availabilities;
		this.bookings = bookings;
		this.clock = clock;
	}

	/**
	 * Who waits for what, when the appointment may take place, and for which care pathway
	 * step.
	 */
	record JoinRequest(UUID patientId, @Nullable UUID practitionerId, @Nullable String specialty,
			@Nullable UUID partnerId, @Nullable String language, String appointmentType, @Nullable Mode mode,
			TimeRange wanted, @Nullable PathwayStep step) {

		WaitlistEntry toEntry(Instant now) {
			boolean bySpecialty = practitionerId == null;
			return new WaitlistEntry(UUID.randomUUID(), patientId, practitionerId, bySpecialty ? specialty : null,
					bySpecialty ? partnerId : null, bySpecialty ? language : null, appointmentType, mode, wanted, step,
					WaitlistEntry.Status.WAITING, null, 0, 0, now);
		}

	}

	@Transactional
	WaitlistEntry join(JoinRequest request) {
		Instant now = clock.instant();
		if (request.practitionerId() == null && request.specialty() == null) {
			throw InvalidRequestException.ofField("practitionerId", "or specialty must be given");
		}
		if (!request.wanted().end().isAfter(now)) {
			throw new RuleViolationException("time-in-past", "The window ends in the past.");
		}
		patients.require(request.patientId());
		if (request.practitionerId() != null) {
			WeeklyAvailability availability = availabilities.find(request.practitionerId(), request.wanted())
				.orElseThrow(() -> new AvailabilityService.ScheduleNotFound(request.practitionerId()));
			if (availability.type(request.appointmentType()).isEmpty()) {
				throw new RuleViolationException("appointment-type-not-offered",
						"Practitioner " + request.practitionerId() + " offers no appointment type "
								+ DomainException.quote(request.appointmentType()) + ".");
			}
		}
		WaitlistEntry entry = request.toEntry(now);
		waitlist.add(entry);
		return entry;
	}

	@Transactional
	WaitlistEntry withdraw(UUID id) {
		WaitlistEntry entry = get(id);
		WaitlistEntry withdrawn = entry.withdrawn();
		waitlist.update(withdrawn);
		if (entry.status() == WaitlistEntry.Status.OFFERED && entry.holdId() != null) {
			bookings.releaseWithdrawnOffer(entry.holdId());
		}
		return withdrawn;
	}

	WaitlistEntry get(UUID id) {
		return waitlist.find(id)
			.orElseThrow(() -> new NotFoundException("waitlist-entry-not-found", "No waiting-list entry " + id + "."));
	}

	Page<WaitlistEntry> list(@Nullable UUID patientId, @Nullable UUID practitionerId,
			WaitlistEntry.@Nullable Status status, PageQuery page) {
		return waitlist.list(patientId, practitionerId, status, page);
	}

	/** Entries whose window has passed end by themselves. */
	@Scheduled(fixedDelayString = "${parcours.scheduling.waitlist-expiry-interval:60s}")
	@Transactional
	public void expireEnded() {
		waitlist.expireEnded(clock.instant());
	}

}
