package care.parcours.scheduling.slots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;

/**
 * When practitioners are taken; implemented where bookings live, so that slot search
 * needs nothing else from them.
 */
public interface BusyTimes {

	/**
	 * The times taken by live holds and appointments overlapping {@code range}, by
	 * practitioner, each list sorted by start.
	 * @param ignoring bookings to leave out, as if they were already moved elsewhere
	 */
	Map<UUID, List<TimeRange>> busy(Collection<UUID> practitionerIds, TimeRange range, Set<UUID> ignoring, Instant now);

}
