package care.parcours.scheduling.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * The resource a role names (or, for "any of a kind", every one of the kind) is closed at
 * some time of the time asked, buffers included: outside its opening hours or in a
 * closure. Asking again for the same time will not help, unlike {@link ResourceTaken},
 * whose shape it keeps ({@code role}, {@code resourceId} when named, {@code nearby}: the
 * nearest times when every resource is open and free).
 */
public final class ResourceClosed extends ResourceTaken {

	ResourceClosed(String role, String kind, @Nullable UUID resourceId, TimeRange during,
			List<Map<String, Object>> nearby) {
		super("resource-closed",
				(resourceId == null ? "No " + kind + " is open" : kind + " " + resourceId + " is closed")
						+ " for the role '" + role + "' at some time from " + during.start() + " to " + during.end()
						+ ".",
				role, resourceId, nearby);
	}

}
