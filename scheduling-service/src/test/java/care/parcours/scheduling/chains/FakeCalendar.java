package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;

/** Free slots by step, as a practitioner's calendar would give them. */
final class FakeCalendar implements CascadePlanner.SlotFinder {

	private final Map<UUID, List<TimeRange>> free = new HashMap<>();

	void free(UUID step, Instant start, int minutes) {
		free.computeIfAbsent(step, id -> new ArrayList<>()).add(TimeRange.of(start, Duration.ofMinutes(minutes)));
	}

	/** Every slot the step's practitioner has free. */
	List<TimeRange> freeFor(UUID step) {
		return free.getOrDefault(step, List.of());
	}

	@Override
	public boolean isFree(CascadePlanner.Step step, TimeRange during) {
		return free.getOrDefault(step.appointmentId(), List.of()).contains(during);
	}

	@Override
	public List<TimeRange> freeSlots(CascadePlanner.Step step, TimeRange starts, int limit) {
		return free.getOrDefault(step.appointmentId(), List.of())
			.stream()
			.filter(slot -> starts.contains(slot.start()))
			.limit(limit)
			.toList();
	}

	CascadePlanner.SlotFinder busyEverywhere() {
		return new CascadePlanner.SlotFinder() {
			@Override
			public boolean isFree(CascadePlanner.Step step, TimeRange during) {
				return false;
			}

			@Override
			public List<TimeRange> freeSlots(CascadePlanner.Step step, TimeRange starts, int limit) {
				return List.of();
			}
		};
	}

}
