package care.parcours.scheduling.slots;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.OpenResources;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * Fills the roles of an appointment type at a free slot of its practitioner from the
 * bookings of the candidate resources over a chunk of time, read once for the chunk. A
 * named role takes its resource or nothing. Any other takes, when it is free, the
 * resource the practitioner already holds in the same role nearest in time that day, so
 * that a day's surgeries stay in one room; else the first free one in the stable order
 * booking uses. Roles are filled in the type's order and a resource never fills two
 * roles, as booking does, so a slot proposed here can be booked. A resource closed at
 * some time of the role's held time (its opening hours, a closure) is not free then.
 */
final class RoleFill {

	private final Map<UUID, List<ResourceBooking>> byResource = new HashMap<>();

	private final Map<UUID, List<ResourceBooking>> byPractitioner = new HashMap<>();

	private final OpenResources open;

	/**
	 * @param taken the live rows of the candidate resources, sorted by start
	 */
	RoleFill(List<ResourceBooking> taken) {
		this(taken, OpenResources.ALWAYS);
	}

	/**
	 * @param taken the live rows of the candidate resources, sorted by start
	 * @param open when the candidate resources are open over the same time
	 */
	RoleFill(List<ResourceBooking> taken, OpenResources open) {
		this.open = open;
		for (ResourceBooking row : taken) {
			byResource.computeIfAbsent(row.resourceId(), id -> new ArrayList<>()).add(row);
			byPractitioner.computeIfAbsent(row.practitionerId(), id -> new ArrayList<>()).add(row);
		}
	}

	/**
	 * A role of a type and the resources that may fill it, in the order they are tried.
	 */
	record Options(RequiredRole role, List<UUID> resources, Set<UUID> allowed) {

		Options(RequiredRole role, List<UUID> resources) {
			this(role, List.copyOf(resources), Set.copyOf(resources));
		}

	}

	/**
	 * One free resource per role at {@code slot}, in the roles' order, or {@code null}
	 * when some role cannot be filled.
	 */
	@Nullable List<ProposedResource> fill(UUID practitionerId, ZoneId zone, List<Options> roles, TimeRange slot) {
		if (roles.isEmpty()) {
			return List.of();
		}
		List<ProposedResource> proposed = new ArrayList<>(roles.size());
		Set<UUID> chosen = new HashSet<>();
		for (Options options : roles) {
			TimeRange held = options.role().around(slot);
			UUID resource = options.role().resourceId() == null
					? alreadyHeld(practitionerId, zone, options, slot, chosen) : null;
			if (resource == null) {
				resource = firstFree(options, held, chosen);
			}
			if (resource == null) {
				return null;
			}
			chosen.add(resource);
			proposed.add(new ProposedResource(options.role().role(), resource));
		}
		return proposed;
	}

	private @Nullable UUID alreadyHeld(UUID practitionerId, ZoneId zone, Options options, TimeRange slot,
			Set<UUID> chosen) {
		LocalDate day = LocalDate.ofInstant(slot.start(), zone);
		TimeRange held = options.role().around(slot);
		UUID nearest = null;
		Duration nearestGap = null;
		for (ResourceBooking row : byPractitioner.getOrDefault(practitionerId, List.of())) {
			if (!row.role().equals(options.role().role()) || !options.allowed().contains(row.resourceId())
					|| chosen.contains(row.resourceId())
					|| !LocalDate.ofInstant(row.appointmentStart(), zone).equals(day)) {
				continue;
			}
			Duration gap = Duration.between(row.appointmentStart(), slot.start()).abs();
			if ((nearestGap == null || gap.compareTo(nearestGap) < 0) && isFree(row.resourceId(), held)) {
				nearest = row.resourceId();
				nearestGap = gap;
			}
		}
		return nearest;
	}

	private @Nullable UUID firstFree(Options options, TimeRange held, Set<UUID> chosen) {
		for (UUID resource : options.resources()) {
			if (!chosen.contains(resource) && isFree(resource, held)) {
				return resource;
			}
		}
		return null;
	}

	private boolean isFree(UUID resource, TimeRange held) {
		if (!open.isOpen(resource, held)) {
			return false;
		}
		for (ResourceBooking row : byResource.getOrDefault(resource, List.of())) {
			if (!row.during().start().isBefore(held.end())) {
				return true;
			}
			if (row.during().overlaps(held)) {
				return false;
			}
		}
		return true;
	}

}
