package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingService;
import care.parcours.scheduling.booking.HeldResource;
import care.parcours.scheduling.slots.BusyTimes;
import care.parcours.scheduling.slots.FreeSlot;
import care.parcours.scheduling.slots.Period;
import care.parcours.scheduling.slots.SlotQuery;
import care.parcours.scheduling.slots.SlotSearch;

import org.springframework.stereotype.Component;

/**
 * Answers the planner's questions from availability and bookings, treating the chain's
 * own appointments as already moved out of the way. A time is free for a step when its
 * practitioner is, and so is each resource it holds or, for a role that takes any of a
 * kind, another of the kind, which the move will then take instead.
 */
@Component
class ChainSlotFinder {

	private final SlotSearch slots;

	private final Availabilities availabilities;

	private final BusyTimes busyTimes;

	private final BookingService bookings;

	ChainSlotFinder(SlotSearch slots, Availabilities availabilities, BusyTimes busyTimes, BookingService bookings) {
		this.slots = slots;
		this.availabilities = availabilities;
		this.busyTimes = busyTimes;
		this.bookings = bookings;
	}

	CascadePlanner.SlotFinder forCascade(Map<UUID, Booking> chain, Instant now) {
		Set<UUID> ignoring = chain.keySet();
		Map<UUID, List<HeldResource>> held = new HashMap<>();
		return new CascadePlanner.SlotFinder() {

			private boolean resourcesFree(Booking appointment, TimeRange during) {
				return bookings.resourcesFreeAt(appointment,
						held.computeIfAbsent(appointment.id(), bookings::resourcesOf), during, ignoring);
			}

			@Override
			public boolean isFree(CascadePlanner.Step step, TimeRange during) {
				Booking appointment = chain.get(step.appointmentId());
				if (!during.start().isAfter(now)) {
					return false;
				}
				boolean available = availabilities
					.find(step.practitionerId(),
							new TimeRange(during.start().minus(Duration.ofDays(1)),
									during.end().plus(Duration.ofDays(1))))
					.map(a -> a.type(appointment.claim().appointmentType())
						.map(type -> a.covers(during, type, appointment.claim().mode()))
						.orElse(false))
					.orElse(false);
				return available && busyTimes.busy(List.of(step.practitionerId()), during, ignoring, now)
					.getOrDefault(step.practitionerId(), List.of())
					.isEmpty() && resourcesFree(appointment, during);
			}

			@Override
			public List<TimeRange> freeSlots(CascadePlanner.Step step, TimeRange starts, int limit) {
				Booking appointment = chain.get(step.appointmentId());
				SlotQuery query = SlotQuery.of(step.practitionerId(), appointment.claim().appointmentType(),
						Set.of(appointment.claim().mode()), new Period.Between(starts));
				return slots.search(query, limit, null, ignoring)
					.slots()
					.stream()
					.map(FreeSlot::during)
					.filter(during -> resourcesFree(appointment, during))
					.toList();
			}

		};
	}

}
