package care.parcours.scheduling.booking;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.resources.ResourceCopies;
import care.parcours.scheduling.resources.ResourceCopy;
import care.parcours.scheduling.slots.FreeSlot;
import care.parcours.scheduling.slots.SlotSearch;

import org.springframework.stereotype.Component;

/**
 * Chooses the resources an appointment's type needs besides the practitioner: the named
 * one, or the free one of the kind at the practitioner's partner that the practitioner
 * already holds in the same role nearest in time that day, else the first free one; as
 * slot search proposes them. A choice is only a proposal: the exclusion constraint on
 * {@code booking_resource} decides, so two coordinators choosing the same room at once
 * get one booking and one refusal.
 */
@Component
class ResourceChoice {

	private static final int NEARBY = 3;

	private final Availabilities availabilities;

	private final ResourceCopies resources;

	private final Bookings bookings;

	private final SlotSearch slots;

	ResourceChoice(Availabilities availabilities, ResourceCopies resources, Bookings bookings, SlotSearch slots) {
		this.availabilities = availabilities;
		this.resources = resources;
		this.bookings = bookings;
		this.slots = slots;
	}

	/**
	 * One free resource for each role of the claim's type.
	 * @throws ResourceTaken naming the first role that cannot be filled, with the nearest
	 * times when all can
	 */
	List<HeldResource> choose(SlotClaim claim) {
		List<RequiredRole> roles = rolesOf(claim);
		if (roles.isEmpty()) {
			return List.of();
		}
		Set<UUID> chosen = new HashSet<>();
		List<HeldResource> held = new ArrayList<>();
		for (RequiredRole role : roles) {
			Optional<UUID> free = firstFree(claim, role, chosen);
			if (free.isEmpty()) {
				throw new ResourceTaken(role.role(), role.kind(), role.resourceId(), role.around(claim.during()),
						nearby(claim));
			}
			chosen.add(free.get());
			held.add(HeldResource.of(role, free.get()));
		}
		return held;
	}

	/**
	 * Checks that the resources a booking holds are free at its new time, other than by
	 * itself.
	 * @throws ResourceTaken naming the first that is not
	 */
	void requireFree(UUID bookingId, List<HeldResource> held, SlotClaim target) {
		for (HeldResource resource : held) {
			if (bookings.isTaken(resource.resourceId(), resource.around(target.during()), bookingId)) {
				throw taken(resource, target);
			}
		}
	}

	/**
	 * What a refusal of a claim by the database's {@code booking_resource_free} means,
	 * read after the refused transaction rolled back: the role that cannot be filled now,
	 * or, when another resource of the kind has freed up since, that one was taken.
	 */
	ResourceTaken refusal(SlotClaim claim) {
		try {
			choose(claim);
			return new ResourceTaken();
		}
		catch (ResourceTaken taken) {
			return taken;
		}
	}

	private ResourceTaken taken(HeldResource resource, SlotClaim claim) {
		String kind = resources.find(resource.resourceId()).map(ResourceCopy::kind).orElse("resource");
		return new ResourceTaken(resource.role(), kind, resource.resourceId(), resource.around(claim.during()),
				nearby(claim));
	}

	private Optional<UUID> firstFree(SlotClaim claim, RequiredRole role, Set<UUID> chosen) {
		List<UUID> candidates = role.resourceId() != null ? List.of(role.resourceId())
				: resources.offered(claim.partnerId(), role.kind(), role.language())
					.stream()
					.map(ResourceCopy::id)
					.toList();
		return bookings.firstFree(candidates, chosen, role.role(), role.around(claim.during()), claim);
	}

	/**
	 * The practitioner's free slots nearest the claim at which every role can be filled.
	 */
	private List<Map<String, Object>> nearby(SlotClaim claim) {
		// Slot search keeps only the times at which every role can be filled.
		return slots
			.near(claim.practitionerId(), claim.appointmentType(), Set.of(claim.mode()), claim.during().start(), NEARBY)
			.stream()
			.<Map<String, Object>>map(
					slot -> Map.of("start", slot.during().start().toString(), "end", slot.during().end().toString(),
							"localStart", slot.during().start().atZone(slot.zone()).toLocalDateTime().toString(),
							"timeZone", slot.zone().getId()))
			.toList();
	}

	private List<RequiredRole> rolesOf(SlotClaim claim) {
		TimeRange day = new TimeRange(claim.during().start(), claim.during().start().plus(Duration.ofMinutes(1)));
		return availabilities.find(claim.practitionerId(), day)
			.flatMap(availability -> availability.type(claim.appointmentType()))
			.map(AppointmentType::roles)
			.orElse(List.of());
	}

}
