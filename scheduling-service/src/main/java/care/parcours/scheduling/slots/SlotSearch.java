package care.parcours.scheduling.slots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.CandidateSlot;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.ResourceAvailabilities;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.availability.WeeklyAvailability;
import care.parcours.scheduling.resources.ResourceCopies;
import care.parcours.scheduling.resources.ResourceCopy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Finds free slots earliest first across many practitioners without storing any: it walks
 * time forward in chunks (a day first, doubling while slots are scarce), derives each
 * candidate practitioner's slots in the chunk from the rules, removes the busy ones with
 * one query per chunk, and stops as soon as a page is full. Every slot of a chunk starts
 * before every slot of the next, so pages come out in order however far the horizon. A
 * type that needs resources besides the practitioner (a room, an interpreter) keeps only
 * the slots at which each role can be filled, read from the candidate resources' bookings
 * and opening hours with two more queries per chunk, and proposes which resource fills
 * each role.
 */
@Service
public class SlotSearch {

	private static final Duration FIRST_CHUNK = Duration.ofDays(1);

	private static final Duration LONGEST_CHUNK = Duration.ofDays(16);

	/** What a practitioner's time off is taken by: no role bears the name. */
	private static final String OFF_DUTY = "";

	private final SlotCandidates candidates;

	private final Availabilities availabilities;

	/**
	 * How far before and after a chunk the resources' bookings are read: beyond any
	 * buffer, and the whole of the days a chunk cuts, for keeping a day in one room.
	 */
	private static final Duration AROUND_CHUNK = Duration.ofDays(1);

	private final BusyTimes busyTimes;

	private final ResourceCopies resources;

	private final Clock clock;

	private final ResourceAvailabilities hours;

	SlotSearch(SlotCandidates candidates, Availabilities availabilities, BusyTimes busyTimes, ResourceCopies resources,
			ResourceAvailabilities hours, Clock clock) {
		this.hours = hours;
		this.candidates = candidates;
		this.availabilities = availabilities;
		this.busyTimes = busyTimes;
		this.resources = resources;
		this.clock = clock;
	}

	/** A page of free slots and, when there are more, where the next page starts. */
	public record Page(List<FreeSlot> slots, @Nullable SlotCursor next) {

	}

	public Page search(SlotQuery query, int size, @Nullable SlotCursor after) {
		return search(query, size, after, Set.of());
	}

	/**
	 * @param ignoring bookings to treat as already gone, as a cascade does with the
	 * appointments it moves
	 */
	public Page search(SlotQuery query, int size, @Nullable SlotCursor after, Set<UUID> ignoring) {
		Instant now = clock.instant();
		TimeRange bounds = query.period().bounds();
		Instant from = latest(bounds.start(), now, after == null ? bounds.start() : after.start());
		List<SlotCandidates.Candidate> found = candidates.find(query);
		if (found.isEmpty() || !from.isBefore(bounds.end())) {
			return new Page(List.of(), null);
		}
		List<UUID> ids = found.stream().map(SlotCandidates.Candidate::practitionerId).distinct().toList();
		Map<UUID, WeeklyAvailability> availability = availabilities.findAll(ids, new TimeRange(from, bounds.end()));
		Duration longest = found.stream().map(c -> c.type().duration()).max(Comparator.naturalOrder()).orElseThrow();
		Map<UUID, Map<String, List<RoleFill.Options>>> roles = roleOptions(found, availability);
		Set<UUID> resourceIds = new HashSet<>();
		Set<UUID> inRoles = new HashSet<>();
		roles.values().forEach(types -> types.values().forEach(options -> options.forEach(option -> {
			resourceIds.addAll(option.resources());
			if (option.role().takesPractitioner()) {
				inRoles.addAll(option.resources());
			}
		})));
		Map<UUID, WeeklyAvailability> onDuty = inRoles.isEmpty() ? Map.of() : availabilities.findAll(inRoles,
				new TimeRange(from.minus(AROUND_CHUNK), bounds.end().plus(longest).plus(AROUND_CHUNK)));

		List<FreeSlot> page = new ArrayList<>(size + 1);
		Duration chunkLength = FIRST_CHUNK;
		for (Instant start = from; start.isBefore(bounds.end()) && page.size() <= size; start = start
			.plus(chunkLength), chunkLength = min(chunkLength.multipliedBy(2), LONGEST_CHUNK)) {
			TimeRange chunk = new TimeRange(start, min(start.plus(chunkLength), bounds.end()));
			Map<UUID, List<TimeRange>> busy = busyTimes.busy(ids,
					new TimeRange(chunk.start(), chunk.end().plus(longest)), ignoring, now);
			TimeRange around = new TimeRange(chunk.start().minus(AROUND_CHUNK),
					chunk.end().plus(longest).plus(AROUND_CHUNK));
			RoleFill fill = resourceIds.isEmpty() ? new RoleFill(List.of())
					: new RoleFill(offDuty(busyTimes.taken(resourceIds, around, ignoring), onDuty, around),
							hours.openOver(resourceIds, around));
			List<FreeSlot> inChunk = new ArrayList<>();
			for (SlotCandidates.Candidate candidate : found) {
				WeeklyAvailability practitioner = availability.get(candidate.practitionerId());
				if (practitioner == null) {
					continue;
				}
				TimeRange wanted = intersection(chunk, query.period().in(practitioner.zone()));
				if (wanted == null) {
					continue;
				}
				AppointmentType type = practitioner.type(candidate.type().code()).orElse(candidate.type());
				List<RoleFill.Options> needed = roles.getOrDefault(candidate.practitionerId(), Map.of())
					.getOrDefault(type.code(), List.of());
				collect(practitioner, type, query, wanted, busy.getOrDefault(candidate.practitionerId(), List.of()),
						slot -> fill.fill(candidate.practitionerId(), practitioner.zone(), needed, slot), after,
						inChunk);
			}
			inChunk.sort(FreeSlot.ORDER);
			page.addAll(inChunk.subList(0, Math.min(inChunk.size(), size + 1 - page.size())));
		}
		if (page.size() > size) {
			return new Page(List.copyOf(page.subList(0, size)), page.get(size - 1).cursor());
		}
		return new Page(List.copyOf(page), null);
	}

	/**
	 * The free slots of a practitioner's type closest to {@code around}, to offer
	 * instead.
	 */
	public List<FreeSlot> near(UUID practitionerId, String appointmentType, Set<Mode> modes, Instant around,
			int count) {
		Instant from = around.minus(Duration.ofDays(2));
		Period period = new Period.Between(new TimeRange(from, around.plus(Duration.ofDays(14))));
		List<FreeSlot> slots = new ArrayList<>(
				search(SlotQuery.of(practitionerId, appointmentType, modes, period), 40, null).slots());
		slots.sort(Comparator.comparing(s -> Duration.between(around, s.during().start()).abs()));
		return List.copyOf(slots.subList(0, Math.min(count, slots.size())));
	}

	/**
	 * For each role of each candidate's type, the resources that may fill it: the named
	 * one, or those of the kind (speaking the language) at the practitioner's partner,
	 * read for all candidates in one query, in the stable order booking tries them.
	 */
	private Map<UUID, Map<String, List<RoleFill.Options>>> roleOptions(List<SlotCandidates.Candidate> found,
			Map<UUID, WeeklyAvailability> availability) {
		Set<UUID> partners = new HashSet<>();
		Set<String> kinds = new HashSet<>();
		for (SlotCandidates.Candidate candidate : found) {
			WeeklyAvailability practitioner = availability.get(candidate.practitionerId());
			if (practitioner != null) {
				for (RequiredRole role : roles(practitioner, candidate)) {
					partners.add(practitioner.partnerId());
					kinds.add(role.kind());
				}
			}
		}
		if (kinds.isEmpty()) {
			return Map.of();
		}
		List<ResourceCopy> offered = resources.offered(partners, kinds);
		Map<Criteria, List<UUID>> byCriteria = new HashMap<>();
		Map<UUID, Map<String, List<RoleFill.Options>>> options = new HashMap<>();
		for (SlotCandidates.Candidate candidate : found) {
			WeeklyAvailability practitioner = availability.get(candidate.practitionerId());
			List<RequiredRole> roles = practitioner == null ? List.of() : roles(practitioner, candidate);
			if (roles.isEmpty()) {
				continue;
			}
			List<RoleFill.Options> ofType = new ArrayList<>();
			for (RequiredRole role : roles) {
				List<UUID> ids = role.resourceId() != null ? List.of(role.resourceId()) : byCriteria.computeIfAbsent(
						new Criteria(practitioner.partnerId(), role.kind(), role.language(), role.specialty()),
						key -> offered.stream()
							.filter(r -> r.partnerId().equals(practitioner.partnerId()) && r.kind().equals(role.kind())
									&& (role.language() == null || r.languages().contains(role.language()))
									&& (role.specialty() == null || r.specialties().contains(role.specialty())))
							.map(ResourceCopy::id)
							.toList());
				if (role.takesPractitioner()) {
					// Never the practitioner themself, who is busy with their own
					// appointment.
					ids = ids.stream().filter(id -> !id.equals(candidate.practitionerId())).toList();
				}
				ofType.add(new RoleFill.Options(role, ids));
			}
			options.computeIfAbsent(candidate.practitionerId(), id -> new HashMap<>())
				.put(candidate.type().code(), ofType);
		}
		return options;
	}

	/**
	 * The rows taken, with the times the practitioners taken in roles (anaesthetists) are
	 * not available as taken too, so that they are proposed only in their own hours.
	 */
	private static List<ResourceBooking> offDuty(List<ResourceBooking> taken, Map<UUID, WeeklyAvailability> onDuty,
			TimeRange range) {
		if (onDuty.isEmpty()) {
			return taken;
		}
		List<ResourceBooking> rows = new ArrayList<>(taken);
		onDuty.forEach((id, practitioner) -> practitioner.closed(range)
			.forEach(off -> rows.add(new ResourceBooking(id, id, OFF_DUTY, off, off.start()))));
		rows.sort(Comparator.comparing(row -> row.during().start()));
		return rows;
	}

	private record Criteria(UUID partnerId, String kind, @Nullable String language, @Nullable String specialty) {

	}

	private static List<RequiredRole> roles(WeeklyAvailability practitioner, SlotCandidates.Candidate candidate) {
		return practitioner.type(candidate.type().code()).map(AppointmentType::roles).orElse(List.of());
	}

	private static void collect(WeeklyAvailability practitioner, AppointmentType type, SlotQuery query,
			TimeRange wanted, List<TimeRange> busy, Function<TimeRange, @Nullable List<ProposedResource>> fill,
			@Nullable SlotCursor after, List<FreeSlot> into) {
		for (CandidateSlot slot : practitioner.slots(wanted, type, query.modes())) {
			if (!isFree(slot.during(), busy)) {
				continue;
			}
			FreeSlot free = new FreeSlot(practitioner.practitionerId(), practitioner.partnerId(), practitioner.zone(),
					type, slot.modes(), slot.during(), List.of());
			if (after != null && !after.isBefore(free)) {
				continue;
			}
			List<ProposedResource> resources = fill.apply(slot.during());
			if (resources != null) {
				into.add(resources.isEmpty() ? free : new FreeSlot(free.practitionerId(), free.partnerId(), free.zone(),
						type, free.modes(), free.during(), resources));
			}
		}
	}

	private static boolean isFree(TimeRange slot, List<TimeRange> busy) {
		for (TimeRange taken : busy) {
			if (taken.overlaps(slot)) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable TimeRange intersection(TimeRange a, TimeRange b) {
		Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
		Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
		return start.isBefore(end) ? new TimeRange(start, end) : null;
	}

	private static Instant latest(Instant a, Instant b, Instant c) {
		Instant later = a.isAfter(b) ? a : b;
		return later.isAfter(c) ? later : c;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
