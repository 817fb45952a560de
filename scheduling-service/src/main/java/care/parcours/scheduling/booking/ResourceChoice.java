package care.parcours.scheduling.booking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.OpenResources;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.ResourceAvailabilities;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.availability.WeeklyAvailability;
import care.parcours.scheduling.resources.ResourceCopies;
import care.parcours.scheduling.resources.ResourceCopy;
import care.parcours.scheduling.slots.FreeSlot;
import care.parcours.scheduling.slots.SlotSearch;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Chooses the resources an appointment's type needs besides the practitioner: the named
 * one, or the free one of the kind at the practitioner's partner that the practitioner
 * already holds in the same role nearest in time that day, else the first free one; as
 * slot search proposes them. A choice is only a proposal: the exclusion constraint on
 * {@code booking_resource} decides, so of two coordinators choosing the same room at once
 * one gets it and the other chooses again. A hold that lapsed, expired or not yet, takes
 * nothing: whoever takes its resource expires it first. Only a resource open over the
 * whole time it is held (the appointment and the role's buffers) is chosen or kept.
 * Another practitioner taken in a role (an anaesthetist) is never the appointment's own,
 * and is taken only within their own availability.
 */
@Component
class ResourceChoice {

	private static final int NEARBY = 3;

	/** The kind named for a held resource that neither role nor announcement explains. */
	private static final String UNKNOWN_KIND = "Resource";

	private final Availabilities availabilities;

	private final ResourceCopies resources;

	private final Bookings bookings;

	private final SlotSearch slots;

	private final ResourceAvailabilities hours;

	private final Clock clock;

	ResourceChoice(Availabilities availabilities, ResourceCopies resources, Bookings bookings, SlotSearch slots,
			ResourceAvailabilities hours, Clock clock) {
		this.hours = hours;
		this.availabilities = availabilities;
		this.resources = resources;
		this.bookings = bookings;
		this.slots = slots;
		this.clock = clock;
	}

	/**
	 * One free resource for each role of the claim's type.
	 * @throws ResourceTaken naming the first role that cannot be filled, with the nearest
	 * times when all can ({@link ResourceClosed} when no resource of the role is open)
	 */
	List<HeldResource> choose(SlotClaim claim) {
		return choose(claim, rolesOf(claim));
	}

	/**
	 * One free resource for each of the roles, those of the claim's type as the caller
	 * read them when checking the claim.
	 * @throws ResourceTaken as {@link #choose(SlotClaim)}
	 */
	List<HeldResource> choose(SlotClaim claim, List<RequiredRole> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		Map<String, Candidates> candidates = new HashMap<>();
		roles.forEach(role -> candidates.put(role.role(), candidatesOf(claim, role)));
		OpenResources open = hours.openOver(
				candidates.values().stream().map(Candidates::available).flatMap(List::stream).toList(),
				span(roles.stream().map(role -> role.around(claim.during())).toList()));
		Set<UUID> chosen = new HashSet<>();
		List<HeldResource> held = new ArrayList<>();
		for (RequiredRole role : roles) {
			TimeRange around = role.around(claim.during());
			Candidates offered = candidates.get(role.role());
			List<UUID> opened = open.openOf(offered.available(), around);
			Optional<UUID> free = bookings.firstFree(opened, chosen, role.role(), around, claim, Set.of(),
					clock.instant());
			if (free.isEmpty()) {
				throw refused(role.role(), role.kind(), role.resourceId(), around, offered.noneOpen(opened), claim);
			}
			chosen.add(free.get());
			held.add(HeldResource.of(role, free.get()));
		}
		return held;
	}

	/**
	 * The resources a booking holds at its new time: each one free then (other than by
	 * the booking itself) is kept; one taken then is exchanged for a free one of the kind
	 * when its role takes any of the kind, and the booking is refused when its role names
	 * it or none of the kind is free.
	 * @return the resources to take instead, by role; empty when every one is kept
	 * @throws ResourceTaken naming the first role that cannot be filled
	 */
	List<HeldResource> exchanges(UUID bookingId, List<HeldResource> held, SlotClaim target) {
		List<HeldResource> exchanged = new ArrayList<>();
		Unfilled unfilled = exchange(Set.of(bookingId), held, target, exchanged);
		if (unfilled != null) {
			throw refused(unfilled, target);
		}
		return exchanged;
	}

	/**
	 * Whether a booking could move to a new time with the resources it holds, or others
	 * of the kind for its "any of a kind" roles, setting aside the bookings
	 * {@code ignoring} (a chain moving together).
	 */
	boolean canMove(Set<UUID> ignoring, List<HeldResource> held, SlotClaim target) {
		return held.isEmpty() || exchange(ignoring, held, target, new ArrayList<>()) == null;
	}

	/**
	 * A held resource that can be neither kept nor exchanged, what it is, and whether for
	 * closing.
	 */
	private record Unfilled(HeldResource resource, String kind, boolean closed) {

	}

	/**
	 * The resources a role may take: those {@code offered} (the named one, or those of
	 * the kind), and of those the ones {@code available} (practitioners on duty).
	 */
	private record Candidates(List<UUID> offered, List<UUID> available) {

		/**
		 * Whether none is open then, {@code opened} being those available and open: a
		 * practitioner off duty is closed as a room out of its hours is.
		 */
		boolean noneOpen(List<UUID> opened) {
			return opened.isEmpty() && !offered.isEmpty();
		}

	}

	/**
	 * Adds to {@code exchanged} a free resource of the kind for each held one taken or
	 * closed at the target; answers the first that can be neither kept nor exchanged.
	 */
	private @Nullable Unfilled exchange(Set<UUID> ignoring, List<HeldResource> held, SlotClaim target,
			List<HeldResource> exchanged) {
		List<UUID> heldIds = held.stream().map(HeldResource::resourceId).toList();
		OpenResources open = hours.openOver(heldIds,
				span(held.stream().map(resource -> resource.around(target.during())).toList()));
		// Only practitioners have duty hours: a booking taking none reads none.
		Map<UUID, WeeklyAvailability> practitioners = availabilities.findAll(
				held.stream().filter(HeldResource::practitioner).map(HeldResource::resourceId).toList(),
				HeldResource.widest(held, target.during()));
		List<HeldResource> taken = held.stream()
			.filter(resource -> !open.isOpen(resource.resourceId(), resource.around(target.during()))
					|| offDuty(practitioners.get(resource.resourceId()), resource.around(target.during()))
					|| isTaken(resource.resourceId(), resource.around(target.during()), ignoring))
			.toList();
		if (taken.isEmpty()) {
			return null;
		}
		Map<String, RequiredRole> roles = rolesOf(target).stream()
			.collect(Collectors.toMap(RequiredRole::role, Function.identity()));
		Set<UUID> chosen = new HashSet<>(held.stream().map(HeldResource::resourceId).toList());
		for (HeldResource resource : taken) {
			RequiredRole role = roles.get(resource.role());
			if (role == null || role.resourceId() != null) {
				TimeRange around = resource.around(target.during());
				return new Unfilled(resource, kindOf(resource, role), !open.isOpen(resource.resourceId(), around)
						|| offDuty(practitioners.get(resource.resourceId()), around));
			}
			TimeRange around = role.around(target.during());
			Candidates candidates = candidatesOf(target, role);
			List<UUID> opened = hours.openOver(candidates.available(), around).openOf(candidates.available(), around);
			Optional<UUID> free = bookings.firstFree(opened, chosen, role.role(), around, target, ignoring,
					clock.instant());
			if (free.isEmpty()) {
				return new Unfilled(resource, role.kind(), candidates.noneOpen(opened));
			}
			chosen.add(free.get());
			exchanged.add(resource.exchangedFor(free.get()));
		}
		return null;
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

	private ResourceTaken refused(Unfilled unfilled, SlotClaim claim) {
		HeldResource resource = unfilled.resource();
		return refused(resource.role(), unfilled.kind(), resource.resourceId(), resource.around(claim.during()),
				unfilled.closed(), claim);
	}

	/**
	 * What a held resource is: its role's kind, or, when the type no longer has the role,
	 * a practitioner if it has a schedule, else the kind partner-service announced, else
	 * only a resource (it never was announced).
	 */
	private String kindOf(HeldResource resource, @Nullable RequiredRole role) {
		if (role != null) {
			return role.kind();
		}
		if (resource.practitioner()) {
			return ResourceCopy.PRACTITIONER;
		}
		return resources.find(resource.resourceId()).map(ResourceCopy::kind).orElse(UNKNOWN_KIND);
	}

	/**
	 * {@code resource-closed} when no resource the role may take is open then (asking
	 * again for that time will not help), else {@code resource-taken}.
	 */
	private ResourceTaken refused(String role, String kind, @Nullable UUID resourceId, TimeRange during, boolean closed,
			SlotClaim claim) {
		return closed ? new ResourceClosed(role, kind, resourceId, during, nearby(claim))
				: new ResourceTaken(role, kind, resourceId, during, nearby(claim));
	}

	/**
	 * The named resource, or those of the kind at the practitioner's partner, by id,
	 * never the appointment's own practitioner; available, practitioners only when on
	 * duty then.
	 */
	private Candidates candidatesOf(SlotClaim claim, RequiredRole role) {
		List<UUID> offered = (role.resourceId() != null ? List.of(role.resourceId())
				: resources.offered(claim.partnerId(), role.kind(), role.language(), role.specialty())
					.stream()
					.map(ResourceCopy::id)
					.toList())
			.stream()
			.filter(id -> !id.equals(claim.practitionerId()))
			.toList();
		return new Candidates(offered,
				role.takesPractitioner() ? onDuty(offered, role.around(claim.during())) : offered);
	}

	/**
	 * The practitioners whose own availability covers {@code held}: an anaesthetist is
	 * taken in the hours they work.
	 */
	private List<UUID> onDuty(List<UUID> practitioners, TimeRange held) {
		Map<UUID, WeeklyAvailability> availability = availabilities.findAll(practitioners, held);
		return practitioners.stream()
			.filter(id -> availability.containsKey(id) && availability.get(id).isOpenThroughout(held))
			.toList();
	}

	/**
	 * Whether a practitioner held in a role is not available over {@code held}; other
	 * resources (no availability) are never off duty.
	 */
	private static boolean offDuty(@Nullable WeeklyAvailability practitioner, TimeRange held) {
		return practitioner != null && !practitioner.isOpenThroughout(held);
	}

	/** From the earliest start to the latest end of the held times. */
	private static TimeRange span(List<TimeRange> held) {
		return new TimeRange(held.stream().map(TimeRange::start).min(Comparator.naturalOrder()).orElseThrow(),
				held.stream().map(TimeRange::end).max(Comparator.naturalOrder()).orElseThrow());
	}

	private boolean isTaken(UUID resourceId, TimeRange during, Set<UUID> ignoring) {
		return bookings.isTaken(resourceId, during, ignoring, clock.instant());
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
