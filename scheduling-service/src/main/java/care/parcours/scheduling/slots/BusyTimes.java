package care.parcours.scheduling.slots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;

/**
 * When practitioners and other resources are taken; implemented where bookings live, so
 * that slot search needs nothing else from them.
 */
public interface BusyTimes {

	/**
	 * The times taken by live holds and appointments overlapping {@code range}, by
	 * practitioner, each list sorted by start.
	 * @param ignoring bookings to leave out, as if they were already moved elsewhere
	 */
	Map<UUID, List<TimeRange>> busy(Collection<UUID> practitionerIds, TimeRange range, Set<UUID> ignoring, Instant now);

	/**
	 * The resources' rows in {@code booking_resource} that are live and overlap
	 * {@code range}: what the exclusion constraint {@code booking_resource_free} would
	 * hold against a new booking, in one query whatever the number of resources.
	 * @param ignoring bookings to leave out, as if they were already moved elsewhere
	 */
	List<ResourceBooking> taken(Collection<UUID> resourceIds, TimeRange range, Set<UUID> ignoring);

}
