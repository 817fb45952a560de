package care.parcours.scheduling.availability;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When resources are open over a span of time, read once for many (a search chunk, the
 * candidates of a booking): a resource without opening hours or closures there is open
 * all along, as every resource was before opening hours existed.
 */
public final class OpenResources {

	/** Every resource open at any time: nothing to read. */
	public static final OpenResources ALWAYS = new OpenResources(Map.of());

	/** Open ranges, merged and sorted, of the resources that have hours or closures. */
	private final Map<UUID, List<TimeRange>> open;

	OpenResources(Map<UUID, List<TimeRange>> open) {
		this.open = Map.copyOf(open);
	}

	/**
	 * Whether the resource is open over the whole of {@code held} (an appointment and the
	 * role's buffers), which must lie within the span read.
	 */
	public boolean isOpen(UUID resourceId, TimeRange held) {
		List<TimeRange> ranges = open.get(resourceId);
		if (ranges == null) {
			return true;
		}
		for (TimeRange range : ranges) {
			if (range.contains(held)) {
				return true;
			}
		}
		return false;
	}

	/** The resources open over {@code held}, in the order given. */
	public List<UUID> openOf(List<UUID> resourceIds, TimeRange held) {
		return resourceIds.stream().filter(id -> isOpen(id, held)).toList();
	}

}
