package care.parcours.scheduling.slots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.CandidateSlot;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.availability.WeeklyAvailability;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Finds free slots earliest first across many practitioners without storing any: it walks
 * time forward in chunks (a day first, doubling while slots are scarce), derives each
 * candidate practitioner's slots in the chunk from the rules, removes the busy ones with
 * one query per chunk, and stops as soon as a page is full. Every slot of a chunk starts
 * before every slot of the next, so pages come out in order however far the horizon.
 */
@Service
public class SlotSearch {

	private static final Duration FIRST_CHUNK = Duration.ofDays(1);

	private static final Duration LONGEST_CHUNK = Duration.ofDays(16);

	private final SlotCandidates candidates;

	private final Availabilities availabilities;

	private final BusyTimes busyTimes;

	private final Clock clock;

	SlotSearch(SlotCandidates candidates, Availabilities availabilities, BusyTimes busyTimes, Clock clock) {
		this.candidates = candidates;
		this.availabilities = availabilities;
		this.busyTimes = busyTimes;
		this.clock = clock;
	}

	/** A page of free slots and, when there are more, where the next page starts. */
	public record Page(List<FreeSlot> slots, @Nullable SlotCursor next) {

	}

	public Page search(SlotQuery query, int size, @Nullable SlotCursor after) {
		return search(query, size, after, Set.of());
	}

	/**
	 * @param ignoring bookings to treat as already gone, as a cascade does with the
	 * appointments it moves
	 */
	public Page search(SlotQuery query, int size, @Nullable SlotCursor after, Set<UUID> ignoring) {
		Instant now = clock.instant();
		TimeRange bounds = query.period().bounds();
		Instant from = latest(bounds.start(), now, after == null ? bounds.start() : after.start());
		List<SlotCandidates.Candidate> found = candidates.find(query);
		if (found.isEmpty() || !from.isBefore(bounds.end())) {
			return new Page(List.of(), null);
		}
		List<UUID> ids = found.stream().map(SlotCandidates.Candidate::practitionerId).distinct().toList();
		Map<UUID, WeeklyAvailability> availability = availabilities.findAll(ids, new TimeRange(from, bounds.end()));
		Duration longest = found.stream().map(c -> c.type().duration()).max(Comparator.naturalOrder()).orElseThrow();

		List<FreeSlot> page = new ArrayList<>(size + 1);
		Duration chunkLength = FIRST_CHUNK;
		for (Instant start = from; start.isBefore(bounds.end()) && page.size() <= size; start = start
			.plus(chunkLength), chunkLength = min(chunkLength.multipliedBy(2), LONGEST_CHUNK)) {
			TimeRange chunk = new TimeRange(start, min(start.plus(chunkLength), bounds.end()));
			Map<UUID, List<TimeRange>> busy = busyTimes.busy(ids,
					new TimeRange(chunk.start(), chunk.end().plus(longest)), ignoring, now);
			List<FreeSlot> inChunk = new ArrayList<>();
			for (SlotCandidates.Candidate candidate : found) {
				WeeklyAvailability practitioner = availability.get(candidate.practitionerId());
				if (practitioner == null) {
					continue;
				}
				TimeRange wanted = intersection(chunk, query.period().in(practitioner.zone()));
				if (wanted == null) {
					continue;
				}
				collect(practitioner, candidate.type(), query, wanted,
						busy.getOrDefault(candidate.practitionerId(), List.of()), after, inChunk);
			}
			inChunk.sort(FreeSlot.ORDER);
			page.addAll(inChunk.subList(0, Math.min(inChunk.size(), size + 1 - page.size())));
		}
		if (page.size() > size) {
			return new Page(List.copyOf(page.subList(0, size)), page.get(size - 1).cursor());
		}
		return new Page(List.copyOf(page), null);
	}

	/**
	 * The free slots of a practitioner's type closest to {@code around}, to offer
	 * instead.
	 */
	public List<FreeSlot> near(UUID practitionerId, String appointmentType, Set<Mode> modes, Instant around,
			int count) {
		Instant from = around.minus(Duration.ofDays(2));
		Period period = new Period.Between(new TimeRange(from, around.plus(Duration.ofDays(14))));
		List<FreeSlot> slots = new ArrayList<>(
				search(SlotQuery.of(practitionerId, appointmentType, modes, period), 40, null).slots());
		slots.sort(Comparator.comparing(s -> Duration.between(around, s.during().start()).abs()));
		return List.copyOf(slots.subList(0, Math.min(count, slots.size())));
	}

	private static void collect(WeeklyAvailability practitioner, AppointmentType type, SlotQuery query,
			TimeRange wanted, List<TimeRange> busy, @Nullable SlotCursor after, List<FreeSlot> into) {
		for (CandidateSlot slot : practitioner.slots(wanted, type, query.modes())) {
			if (isFree(slot.during(), busy)) {
				FreeSlot free = new FreeSlot(practitioner.practitionerId(), practitioner.partnerId(),
						practitioner.zone(), type, slot.modes(), slot.during());
				if (after == null || after.isBefore(free)) {
					into.add(free);
				}
			}
		}
	}

	private static boolean isFree(TimeRange slot, List<TimeRange> busy) {
		for (TimeRange taken : busy) {
			if (taken.overlaps(slot)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable TimeRange intersection(TimeRange a, TimeRange b) {
		Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
		Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
		return start.isBefore(end) ? new TimeRange(start, end) : null;
	}

	private static Instant latest(Instant a, Instant b, Instant c) {
		Instant later = a.isAfter(b) ? a : b;
		return later.isAfter(c) ? later : c;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
