package care.parcours.test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Test dates must not depend on the day the suite runs: walked here as if today were each
 * day of a week, at several hours, in zones on both sides of UTC, and across the spring
 * and autumn daylight-saving changes of Paris, Brussels and New York.
 */
class WeekdaysTests {

	private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("Europe/Brussels"),
			ZoneId.of("America/New_York"), ZoneId.of("Asia/Tokyo"));

	/** Every hour of fourteen days from a Monday: a DST change falls inside each walk. */
	static Stream<Arguments> everyHourOfTwoWeeks() {
		List<Arguments> runs = new ArrayList<>();
		// 2027-03-22 and 2027-10-25 are Mondays; Europe changes on 2027-03-28 and
		// 2027-10-31,
		// New York on 2027-03-14 and 2027-11-07, so both walks cross a change or a week
		// after.
		for (Instant monday : List.of(Instant.parse("2027-03-22T00:00:00Z"), Instant.parse("2027-10-25T00:00:00Z"),
				Instant.parse("2027-03-08T00:00:00Z"), Instant.parse("2027-11-01T00:00:00Z"))) {
			for (int hour = 0; hour < 14 * 24; hour += 5) {
				Instant now = monday.plus(Duration.ofHours(hour));
				for (ZoneId zone : ZONES) {
					runs.add(Arguments.of(now, zone));
				}
			}
		}
		return runs.stream();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyHourOfTwoWeeks")
	void theNthWeekdayIsADayOfItsOwnAtLeastNDaysAheadAndInTheFuture(Instant now, ZoneId zone) {
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant previous = now;
		for (int n = 1; n <= 10; n++) {
			Instant start = Weekdays.at(clock, zone, n, LocalTime.of(9, 0));
			ZonedDateTime local = start.atZone(zone);

			assertThat(start).as("weekday %d is later than weekday %d", n, n - 1).isAfter(previous);
			assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
			assertThat(Weekdays.isWeekday(local.toLocalDate())).isTrue();
			assertThat(ChronoUnit.DAYS.between(today, local.toLocalDate())).isGreaterThanOrEqualTo(n);
			previous = start;
		}
	}

	@Test
	void fromEachDayOfTheWeekTheNextFiveWeekdaysAreMondayToFridayOnce() {
		LocalDate monday = LocalDate.of(2026, 11, 30);
		for (int day = 0; day < 7; day++) {
			LocalDate today = monday.plusDays(day);
			Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
			for (int n = 1; n <= 5; n++) {
				seen.add(Weekdays.after(today, n).getDayOfWeek());
			}
			assertThat(seen).as("from a %s", today.getDayOfWeek())
				.containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
						DayOfWeek.FRIDAY);
		}
	}

	@Test
	void onAThursdayTheSecondThirdAndFourthWeekdaysAreThreeDays() {
		LocalDate thursday = LocalDate.of(2026, 12, 3);

		assertThat(Stream.of(2, 3, 4).map(n -> Weekdays.after(thursday, n))).containsExactly(LocalDate.of(2026, 12, 7),
				LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9));
	}

	@Test
	void weekdaysAreCountedFromOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> Weekdays.after(LocalDate.of(2026, 12, 3), 0));
	}

}
