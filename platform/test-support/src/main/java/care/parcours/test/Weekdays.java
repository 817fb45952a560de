package care.parcours.test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Test dates counted in weekdays, so that "the second weekday" and "the third weekday"
 * are two different days whatever today is. Counting calendar days and then skipping a
 * weekend folds Saturday and Sunday onto the same Monday: on a Thursday, "two days ahead"
 * and "three days ahead" were one day, and tests that needed two slots or a later day
 * found one.
 */
public final class Weekdays {

	private Weekdays() {
	}

	/**
	 * The {@code n}th weekday after {@code today} (1 is the next weekday). It is at least
	 * {@code n} days after today, and two different {@code n} never give the same day.
	 */
	public static LocalDate after(LocalDate today, int n) {
		if (n < 1) {
			throw new IllegalArgumentException("Weekdays are counted from 1, not " + n);
		}
		LocalDate date = today;
		for (int counted = 0; counted < n;) {
			date = date.plusDays(1);
			if (isWeekday(date)) {
				counted++;
			}
		}
		return date;
	}

	/**
	 * The {@code n}th weekday after today on {@code clock} in {@code zone}, at a local
	 * time of that zone (daylight saving included).
	 */
	public static Instant at(Clock clock, ZoneId zone, int n, LocalTime localTime) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		return ZonedDateTime.of(after(today, n), localTime, zone).toInstant();
	}

	public static boolean isWeekday(LocalDate date) {
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
