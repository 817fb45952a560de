package care.parcours.scheduling.availability;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When a room, a machine or an interpreter can be booked: weekly opening hours in the
 * resource's zone and exceptions, the same rules and exceptions as a practitioner's, read
 * by the same computation. Without rules a resource is open at any time but its closures.
 *
 * @param resourceId whose hours
 * @param partnerId who keeps the resource
 * @param zone the resource's zone, in which the rules' local times are read
 * @param rules the weekly opening hours; none for always open
 * @param exceptions closures and extra openings, at least those overlapping the times
 * asked about
 * @param version incremented by every change of the rules
 */
public record ResourceHours(UUID resourceId, UUID partnerId, ZoneId zone, List<WeeklyRule> rules,
		List<AvailabilityException> exceptions, long version) {

	public ResourceHours {
		rules = List.copyOf(rules);
		exceptions = List.copyOf(exceptions);
	}

	/**
	 * The spans within {@code range} the resource is open, sorted, touching ones merged,
	 * so that an appointment running from one window into the next is open all along.
	 */
	public List<TimeRange> open(TimeRange range) {
		List<AvailabilityException> all = exceptions;
		if (rules.isEmpty()) {
			// Always open: the whole range as one extra opening, less the closures.
			all = new ArrayList<>(exceptions);
			all.add(AvailabilityException.ofResource(resourceId, AvailabilityException.Kind.EXTRA,
					AvailabilityException.Reason.OTHER, range));
		}
		List<TimeRange> merged = new ArrayList<>();
		for (OpenWindow window : WeeklyAvailability.windows(zone, rules, all, range)) {
			TimeRange during = window.during();
			if (merged.isEmpty() || during.start().isAfter(merged.getLast().end())) {
				merged.add(during);
			}
			else if (during.end().isAfter(merged.getLast().end())) {
				merged.set(merged.size() - 1, new TimeRange(merged.getLast().start(), during.end()));
			}
		}
		return merged;
	}

}
