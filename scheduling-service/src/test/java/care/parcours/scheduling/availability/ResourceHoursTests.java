package care.parcours.scheduling.availability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceHoursTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final UUID ROOM = UUID.randomUUID();

	/** Monday 7 December 2026, Paris an hour ahead of UTC. */
	private static final TimeRange MONDAY = new TimeRange(Instant.parse("2026-12-06T23:00:00Z"),
			Instant.parse("2026-12-07T23:00:00Z"));

	@Test
	void aRoomWithoutHoursIsOpenAllDayButItsClosures() {
		ResourceHours hours = hours(List.of(), List.of(closure("2026-12-07T09:00:00Z", "2026-12-07T11:00:00Z")));

		assertThat(hours.open(MONDAY)).containsExactly(
				new TimeRange(MONDAY.start(), Instant.parse("2026-12-07T09:00:00Z")),
				new TimeRange(Instant.parse("2026-12-07T11:00:00Z"), MONDAY.end()));
	}

	@Test
	void weeklyHoursAreReadInTheRoomsZoneAndTouchingWindowsMerge() {
		ResourceHours hours = hours(List.of(rule(DayOfWeek.MONDAY, "07:00", "12:00"),
				rule(DayOfWeek.MONDAY, "12:00", "19:00"), rule(DayOfWeek.TUESDAY, "07:00", "19:00")), List.of());

		// An appointment from 11:00 to 13:00 runs from one window into the next: open.
		assertThat(hours.open(MONDAY)).containsExactly(
				new TimeRange(Instant.parse("2026-12-07T06:00:00Z"), Instant.parse("2026-12-07T18:00:00Z")));
		OpenResources open = new OpenResources(Map.of(ROOM, hours.open(MONDAY)));
		assertThat(open.isOpen(ROOM,
				new TimeRange(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T12:00:00Z"))))
			.isTrue();
		assertThat(open.isOpen(ROOM,
				new TimeRange(Instant.parse("2026-12-07T17:00:00Z"), Instant.parse("2026-12-07T18:30:00Z"))))
			.as("held past closing time")
			.isFalse();
		assertThat(open.isOpen(UUID.randomUUID(), MONDAY)).as("a room without hours").isTrue();
	}

	@Test
	void anExtraOpeningAddsToTheWeeklyHours() {
		ResourceHours hours = hours(List.of(rule(DayOfWeek.MONDAY, "07:00", "19:00")),
				List.of(AvailabilityException.ofResource(UUID.randomUUID(), AvailabilityException.Kind.EXTRA,
						AvailabilityException.Reason.EXTRA_HOURS,
						new TimeRange(Instant.parse("2026-12-07T18:00:00Z"), Instant.parse("2026-12-07T20:00:00Z")))));

		assertThat(hours.open(MONDAY)).containsExactly(
				new TimeRange(Instant.parse("2026-12-07T06:00:00Z"), Instant.parse("2026-12-07T20:00:00Z")));
	}

	@Test
	void rulesOpeningTheSameTimeTwiceAreRefusedUnlessTheirDatesDoNotMeet() {
		WeeklyRule morning = rule(DayOfWeek.MONDAY, "07:00", "12:00");
		WeeklyRule lateMorning = rule(DayOfWeek.MONDAY, "11:00", "13:00");

		assertThatThrownBy(() -> WeeklyRule.requireDisjoint(List.of(morning, lateMorning)))
			.isInstanceOf(InvalidRequestException.class);
		WeeklyRule.requireDisjoint(
				List.of(morning, rule(DayOfWeek.MONDAY, "12:00", "19:00"), rule(DayOfWeek.TUESDAY, "11:00", "13:00")));
		WeeklyRule until = WeeklyRule.opening(UUID.randomUUID(), DayOfWeek.MONDAY, LocalTime.of(7, 0),
				LocalTime.of(12, 0), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
		WeeklyRule after = WeeklyRule.opening(UUID.randomUUID(), DayOfWeek.MONDAY, LocalTime.of(8, 0),
				LocalTime.of(13, 0), LocalDate.of(2026, 7, 1), null);
		WeeklyRule.requireDisjoint(List.of(until, after));
	}

	private static ResourceHours hours(List<WeeklyRule> rules, List<AvailabilityException> exceptions) {
		return new ResourceHours(ROOM, UUID.randomUUID(), PARIS, rules, exceptions, 1);
	}

	private static WeeklyRule rule(DayOfWeek day, String start, String end) {
		return WeeklyRule.opening(UUID.randomUUID(), day, LocalTime.parse(start), LocalTime.parse(end),
				LocalDate.of(2026, 1, 1), null);
	}

	private static AvailabilityException closure(String start, String end) {
		return AvailabilityException.ofResource(UUID.randomUUID(), AvailabilityException.Kind.UNAVAILABLE,
				AvailabilityException.Reason.MAINTENANCE, new TimeRange(Instant.parse(start), Instant.parse(end)));
	}

}
