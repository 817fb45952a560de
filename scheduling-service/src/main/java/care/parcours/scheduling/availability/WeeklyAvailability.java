package care.parcours.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything that says when a practitioner can be booked: appointment types, weekly rules
 * in the practitioner's zone and exceptions. Pure: it knows nothing of bookings.
 *
 * @param practitionerId whose availability
 * @param partnerId where the practitioner works
 * @param zone the practitioner's time zone, in which the rules' local times are read
 * @param types the appointment types offered, by code
 * @param rules the weekly rules
 * @param exceptions exceptions, at least those overlapping the times asked about
 * @param version incremented by every change of types or rules
 */
public record WeeklyAvailability(UUID practitionerId, UUID partnerId, ZoneId zone, Map<String, AppointmentType> types,
		List<WeeklyRule> rules, List<AvailabilityException> exceptions, long version) {

	public WeeklyAvailability {
		types = Map.copyOf(types);
		rules = List.copyOf(rules);
		exceptions = List.copyOf(exceptions);
	}

	public Optional<AppointmentType> type(String code) {
		return Optional.ofNullable(types.get(code));
	}

	/**
	 * The windows open at some time within {@code range}, whole (not clipped, so that
	 * slots keep their grid): the rules' windows and the extra hours, minus time off.
	 */
	public List<OpenWindow> windows(TimeRange range) {
		return windows(zone, rules, exceptions, range);
	}

	/**
	 * The windows of weekly rules read in a zone and of exceptions, open at some time
	 * within {@code range}: one computation for practitioners and resources alike.
	 */
	static List<OpenWindow> windows(ZoneId zone, List<WeeklyRule> rules, List<AvailabilityException> exceptions,
			TimeRange range) {
		List<OpenWindow> windows = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(range.end(), zone);
		for (LocalDate date = LocalDate.ofInstant(range.start(), zone).minusDays(1); !date.isAfter(last); date = date
			.plusDays(1)) {
			for (WeeklyRule rule : rules) {
				if (rule.appliesOn(date)) {
					OpenWindow window = rule.windowOn(date, zone);
					if (window.during().overlaps(range)) {
						windows.add(window);
					}
				}
			}
		}
		for (AvailabilityException exception : exceptions) {
			if (exception.kind() == AvailabilityException.Kind.EXTRA && exception.during().overlaps(range)) {
				windows.add(exception.asWindow());
			}
		}
		for (AvailabilityException exception : exceptions) {
			if (exception.kind() == AvailabilityException.Kind.UNAVAILABLE) {
				windows = without(windows, exception.during());
			}
		}
		windows.sort(Comparator.comparing(w -> w.during().start()));
		return windows;
	}

	/**
	 * The times within {@code range} that no window covers, whatever its types and modes,
	 * in order: when the practitioner cannot be taken in a role of another's appointment
	 * (an anaesthetist off duty).
	 */
	public List<TimeRange> closed(TimeRange range) {
		List<TimeRange> closed = new ArrayList<>();
		Instant from = range.start();
		for (OpenWindow window : windows(range)) {
			if (window.during().start().isAfter(from)) {
				closed.add(new TimeRange(from, min(window.during().start(), range.end())));
			}
			if (window.during().end().isAfter(from)) {
				from = window.during().end();
			}
			if (!from.isBefore(range.end())) {
				return closed;
			}
		}
		closed.add(new TimeRange(from, range.end()));
		return closed;
	}

	/** Whether windows, of any types and modes, cover the whole of {@code range}. */
	public boolean isOpenThroughout(TimeRange range) {
		return closed(range).isEmpty();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** Whether the whole slot lies in one open window offering the type in the mode. */
	public boolean covers(TimeRange slot, AppointmentType type, Mode mode) {
		return windows(slot).stream().anyMatch(w -> w.during().contains(slot) && w.offers(type, mode));
	}

	/**
	 * The slots of a type starting within {@code range}: each window cut into consecutive
	 * slots of the type's duration from its start.
	 */
	public List<CandidateSlot> slots(TimeRange range, AppointmentType type, Set<Mode> wanted) {
		List<CandidateSlot> slots = new ArrayList<>();
		for (OpenWindow window : windows(range)) {
			if (!window.offers(type)) {
				continue;
			}
			Set<Mode> modes = EnumSet.noneOf(Mode.class);
			for (Mode mode : window.modes()) {
				if (type.offers(mode) && wanted.contains(mode)) {
					modes.add(mode);
				}
			}
			if (modes.isEmpty()) {
				continue;
			}
			for (Instant start = window.during().start(); !start.plus(type.duration())
				.isAfter(window.during().end()); start = start.plus(type.duration())) {
				if (range.contains(start)) {
					slots.add(new CandidateSlot(TimeRange.of(start, type.duration()), type, modes));
				}
			}
		}
		return slots;
	}

	private static List<OpenWindow> without(List<OpenWindow> windows, TimeRange off) {
		List<OpenWindow> left = new ArrayList<>(windows.size());
		for (OpenWindow window : windows) {
			TimeRange during = window.during();
			if (!during.overlaps(off)) {
				left.add(window);
				continue;
			}
			if (during.start().isBefore(off.start())) {
				left.add(window.during(new TimeRange(during.start(), off.start())));
			}
			if (during.end().isAfter(off.end())) {
				left.add(window.during(new TimeRange(off.end(), during.end())));
			}
		}
		return left;
	}

}
