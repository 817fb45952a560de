package care.parcours.scheduling.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A practitioner is available every {@code day} from {@code start} to {@code end}, local
 * time, between two dates.
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
