package care.parcours.scheduling.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner is available (or a resource open) every {@code day} from {@code start}
 * to {@code end}, local time, between two dates.
 *
 * @param id the rule
 * @param day the day of the week
 * @param start local start time
 * @param end local end time, after the start (rules do not cross midnight)
 * @param modes where appointments in this window take place
 * @param appointmentTypes the types bookable in this window; null for all
 * @param validFrom first day the rule applies
 * @param validUntil last day the rule applies; null for open-ended
 */
public record WeeklyRule(UUID id, DayOfWeek day, LocalTime start, LocalTime end, Set<Mode> modes,
		@Nullable Set<String> appointmentTypes, LocalDate validFrom, @Nullable LocalDate validUntil) {

	public WeeklyRule {
		modes = Set.copyOf(modes);
		appointmentTypes = appointmentTypes == null ? null : Set.copyOf(appointmentTypes);
		if (!end.isAfter(start)) {
			throw InvalidRequestException.ofField("weeklyRules.end", "must be after the start");
		}
		if (modes.isEmpty()) {
			throw InvalidRequestException.ofField("weeklyRules.modes", "must name at least one mode");
		}
		if (validUntil != null && validUntil.isBefore(validFrom)) {
			throw InvalidRequestException.ofField("weeklyRules.validUntil", "must not be before validFrom");
		}
	}

	/**
	 * A resource's opening hours: a room or an interpreter open in that window takes any
	 * appointment, whatever its mode or type.
	 */
	public static WeeklyRule opening(UUID id, DayOfWeek day, LocalTime start, LocalTime end, LocalDate validFrom,
			@Nullable LocalDate validUntil) {
		return new WeeklyRule(id, day, start, end, EnumSet.allOf(Mode.class), null, validFrom, validUntil);
	}

	/**
	 * Refuses rules that open the same time twice (same day, times overlapping, dates
	 * overlapping): for opening hours that is a mistake in the list sent.
	 */
	public static void requireDisjoint(List<WeeklyRule> rules) {
		for (int i = 0; i < rules.size(); i++) {
			for (int j = i + 1; j < rules.size(); j++) {
				if (rules.get(i).overlaps(rules.get(j))) {
					throw InvalidRequestException.ofField("weeklyRules",
							"rules " + i + " and " + j + " overlap on " + rules.get(i).day() + " ("
									+ rules.get(i).start() + "-" + rules.get(i).end() + ", " + rules.get(j).start()
									+ "-" + rules.get(j).end() + ")");
				}
			}
		}
	}

	private boolean overlaps(WeeklyRule other) {
		return day == other.day && start.isBefore(other.end) && other.start.isBefore(end)
				&& (validUntil == null || !other.validFrom.isAfter(validUntil))
				&& (other.validUntil == null || !validFrom.isAfter(other.validUntil));
	}

	public boolean appliesOn(LocalDate date) {
		return date.getDayOfWeek() == day && !date.isBefore(validFrom)
				&& (validUntil == null || !date.isAfter(validUntil));
	}

	/**
	 * The window on a date as instants. Daylight-saving changes are honoured: local times
	 * the clocks skip move forward by the gap, and on the night the clocks go back the
	 * window keeps its real length.
	 */
	public OpenWindow windowOn(LocalDate date, ZoneId zone) {
		return new OpenWindow(new TimeRange(ZonedDateTime.of(date, start, zone).toInstant(),
				ZonedDateTime.of(date, end, zone).toInstant()), modes, appointmentTypes);
	}

}
