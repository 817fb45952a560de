package care.parcours.scheduling.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * A resource the appointment needs is taken (or, for "any of a kind", none is free) at
 * the time asked; nothing was booked. The nearest times when every resource is free come
 * with it.
 */
public sealed class ResourceTaken extends ConflictException permits ResourceClosed {

	ResourceTaken(String role, String kind, @Nullable UUID resourceId, TimeRange during,
			List<Map<String, Object>> nearby) {
		super("resource-taken",
				(resourceId == null ? "No " + kind + " is free" : kind + " " + resourceId + " is taken")
						+ " for the role '" + role + "' from " + during.start() + " to " + during.end() + ".",
				properties(role, resourceId, nearby));
	}

	/**
	 * When the refusal came from a transaction that lost a race, and its details with it.
	 */
	ResourceTaken() {
		super("resource-taken", "A resource the appointment needs was taken at that time by another booking.",
				Map.of("nearby", List.of()));
	}

	/** A refusal of another type, with the same properties. */
	ResourceTaken(String type, String detail, String role, @Nullable UUID resourceId,
			List<Map<String, Object>> nearby) {
		super(type, detail, properties(role, resourceId, nearby));
	}

	private static Map<String, Object> properties(String role, @Nullable UUID resourceId,
			List<Map<String, Object>> nearby) {
		return resourceId == null ? Map.of("role", role, "nearby", nearby)
				: Map.of("role", role, "resourceId", resourceId, "nearby", nearby);
	}

}
