package care.parcours.scheduling.waitlist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.outbox.Outbox;
import care.parcours.scheduling.availability.AvailabilityOpened;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingEvents;
import care.parcours.scheduling.booking.BookingService;
import care.parcours.scheduling.booking.PathwayStep;
import care.parcours.scheduling.booking.SchedulingProperties;
import care.parcours.scheduling.booking.SlotClaim;
import care.parcours.scheduling.schedules.Schedule;
import care.parcours.scheduling.schedules.Schedules;
import care.parcours.scheduling.slots.FreeSlot;
import care.parcours.scheduling.slots.Period;
import care.parcours.scheduling.slots.SlotQuery;
import care.parcours.scheduling.slots.SlotSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers freed time to the waiting list, in the transaction that freed it: the first
 * eligible waiter gets a hold on a matching slot, and an event says so. A freed room or
 * interpreter is offered too, to waiters for a practitioner whose appointment type needs
 * one of its kind: the practitioner may have been free all along. Each offer runs in a
 * savepoint, so that an offer that cannot be made never undoes the change that freed the
 * time.
 */
@Component
class WaitlistOffers {

	private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);

	/** How many waiters one change may serve; the next change serves the next ones. */
	private static final int WAITERS_PER_CHANGE = 20;

	/** How far ahead new availability is offered. */
	private static final Duration OPENING_HORIZON = Duration.ofDays(120);

	private final Waitlist waitlist;

	private final Schedules schedules;

	private final SlotSearch slots;

	private final BookingService bookings;

	private final Outbox outbox;

	private final SchedulingProperties properties;

	/**
	 * A savepoint per waiter, inside the transaction of the change that freed the time:
	 * an offer that fails (the slot taken meanwhile) is rolled back alone and the next
	 * waiter is tried. This is the service's one {@code TransactionTemplate}, where
	 * everything else is {@code @Transactional}: a nested transaction per loop turn
	 * cannot be declared on a method of the same bean, whose calls bypass the proxy.
	 */
	private final TransactionTemplate savepoint;

	private final Clock clock;

	WaitlistOffers(Waitlist waitlist, Schedules schedules, SlotSearch slots, BookingService bookings, Outbox outbox,
			SchedulingProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.waitlist = waitlist;
		this.schedules = schedules;
		this.slots = slots;
		this.bookings = bookings;
		this.outbox = outbox;
		this.properties = properties;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	@EventListener
	void onSlotFreed(BookingEvents.SlotFreed freed) {
		offer(freed.practitionerId(), freed.during());
	}

	@EventListener
	void onResourceFreed(BookingEvents.ResourceFreed freed) {
		Instant now = clock.instant();
		if (!freed.during().end().isAfter(now)) {
			return;
		}
		Map<WaitlistEntry, List<UUID>> waiting = new LinkedHashMap<>();
		for (Waitlist.Needing needing : waitlist.needing(freed.resourceId(), freed.during(), WAITERS_PER_CHANGE)) {
			waiting.computeIfAbsent(needing.entry(), entry -> new ArrayList<>()).add(needing.practitionerId());
		}
		waiting.forEach((entry, practitioners) -> {
			for (UUID practitionerId : practitioners) {
				Schedule practitioner = schedules.find(practitionerId).orElse(null);
				if (practitioner != null && tryOffer(entry, practitioner, freed.during(), now)) {
					return;
				}
			}
		});
	}

	@EventListener
	void onAvailabilityOpened(AvailabilityOpened opened) {
		Instant now = clock.instant();
		offer(opened.practitionerId(), new TimeRange(now, now.plus(OPENING_HORIZON)));
	}

	@EventListener
	void onHoldConfirmed(BookingEvents.HoldConfirmed confirmed) {
		waitlist.offeredWith(confirmed.holdId()).ifPresent(entry -> waitlist.update(entry.fulfilled()));
	}

	@EventListener
	void onHoldLapsed(BookingEvents.HoldLapsed lapsed) {
		waitlist.offeredWith(lapsed.holdId()).ifPresent(entry -> waitlist.update(entry.lapsed()));
	}

	private void offer(UUID practitionerId, TimeRange freed) {
		Instant now = clock.instant();
		if (!freed.end().isAfter(now)) {
			return;
		}
		Schedule practitioner = schedules.find(practitionerId).orElse(null);
		if (practitioner == null) {
			return;
		}
		List<WaitlistEntry> waiting = waitlist.waitingFor(practitionerId, practitioner.partnerId(),
				practitioner.specialties(), practitioner.languages(), freed, WAITERS_PER_CHANGE);
		for (WaitlistEntry entry : waiting) {
			tryOffer(entry, practitioner, freed, now);
		}
	}

	/** Whether the entry was offered a slot of the practitioner within the freed time. */
	private boolean tryOffer(WaitlistEntry entry, Schedule practitioner, TimeRange freed, Instant now) {
		try {
			return Boolean.TRUE.equals(savepoint.execute(status -> offerTo(entry, practitioner, freed, now)));
		}
		catch (RuntimeException ex) {
			log.info("Could not offer a slot to waiting-list entry {}: {}", entry.id(), ex.getMessage());
			return false;
		}
	}

	private boolean offerTo(WaitlistEntry entry, Schedule practitioner, TimeRange freed, Instant now) {
		TimeRange window = overlap(freed, entry.wanted(), now);
		if (window == null) {
			return false;
		}
		Set<Mode> modes = entry.mode() == null ? Set.of() : Set.of(entry.mode());
		List<FreeSlot> found = slots
			.search(SlotQuery.of(practitioner.practitionerId(), entry.appointmentType(), modes,
					new Period.Between(window)), 1, null)
			.slots();
		if (found.isEmpty()) {
			return false;
		}
		FreeSlot slot = found.getFirst();
		Mode mode = entry.mode() != null ? entry.mode() : slot.modes().stream().sorted().findFirst().orElseThrow();
		Booking hold = bookings
			.placeHold(
					new SlotClaim(practitioner.practitionerId(), practitioner.partnerId(), entry.patientId(),
							slot.during(), mode, entry.appointmentType()),
					entry.step(), properties.holdDuration(), entry.id());
		WaitlistEntry offered = entry.offered(hold.id());
		waitlist.update(offered);
		outbox.publish(entry.offer(hold.id(), practitioner.practitionerId(), practitioner.partnerId(), slot.during(),
				hold.expiresAt()), entry.id(), offered.version(), PathwayStep.pathwayOf(entry.step()));
		return true;
	}

	private static TimeRange overlap(TimeRange a, TimeRange b, Instant now) {
		Instant start = latest(latest(a.start(), b.start()), now);
		Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
		return start.isBefore(end) ? new TimeRange(start, end) : null;
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
