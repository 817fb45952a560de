package care.parcours.scheduling.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeklyAvailabilityTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final AppointmentType CONSULTATION = new AppointmentType("consultation", Duration.ofMinutes(30),
			Set.of(Mode.IN_PERSON, Mode.TELECONSULTATION));

	private static final AppointmentType SURGERY = new AppointmentType("surgery", Duration.ofMinutes(120),
			Set.of(Mode.IN_PERSON));

	@Test
	void aMorningRuleGivesConsecutiveSlotsFromItsStart() {
		WeeklyAvailability availability = availability(rule(DayOfWeek.TUESDAY, "09:00", "11:00"));

		List<CandidateSlot> slots = availability.slots(day("2026-12-01"), CONSULTATION, Set.of(Mode.IN_PERSON));

		assertThat(slots).extracting(s -> s.during().start())
			.containsExactly(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"),
					Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:30:00Z"));
		assertThat(slots).allSatisfy(s -> assertThat(s.modes()).containsExactly(Mode.IN_PERSON));
	}

	@Test
	void nineOClockInParisIsEightUtcInWinterAndSevenUtcInSummer() {
		WeeklyAvailability availability = availability(rule(DayOfWeek.MONDAY, "09:00", "09:30"),
				rule(DayOfWeek.TUESDAY, "09:00", "09:30"));

		// Clocks go forward in Paris on Sunday 28 March 2027.
		assertThat(availability.slots(day("2027-03-22"), CONSULTATION, Set.of(Mode.IN_PERSON)))
			.extracting(s -> s.during().start())
			.containsExactly(Instant.parse("2027-03-22T08:00:00Z"));
		assertThat(availability.slots(day("2027-03-29"), CONSULTATION, Set.of(Mode.IN_PERSON)))
			.extracting(s -> s.during().start())
			.containsExactly(Instant.parse("2027-03-29T07:00:00Z"));
	}

	@Test
	void onTheNightClocksGoForwardAWindowKeepsItsLocalBoundsAndLosesTheSkippedHour() {
		// Sunday 28 March 2027, 02:00 to 03:00 does not exist in Paris.
		WeeklyAvailability availability = availability(rule(DayOfWeek.SUNDAY, "01:00", "04:00"));

		List<CandidateSlot> slots = availability.slots(day("2027-03-28"), CONSULTATION, Set.of(Mode.IN_PERSON));

		assertThat(slots).hasSize(4);
		assertThat(slots.getFirst().during().start()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
		assertThat(slots.getLast().during().end()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
	}

	@Test
	void onTheNightClocksGoBackAWindowKeepsItsLocalBoundsAndGainsTheRepeatedHour() {
		// Sunday 31 October 2027, 02:00 to 03:00 happens twice in Paris.
		WeeklyAvailability availability = availability(rule(DayOfWeek.SUNDAY, "01:00", "04:00"));

		List<CandidateSlot> slots = availability.slots(day("2027-10-31"), CONSULTATION, Set.of(Mode.IN_PERSON));

		assertThat(slots).hasSize(8);
		assertThat(slots.getFirst().during().start()).isEqualTo(Instant.parse("2027-10-30T23:00:00Z"));
		assertThat(slots.getLast().during().end()).isEqualTo(Instant.parse("2027-10-31T03:00:00Z"));
	}

	@Test
	void leaveRemovesTheSlotsItCoversAndTheWindowRestartsAfterIt() {
		AvailabilityException leave = new AvailabilityException(UUID.randomUUID(),
				AvailabilityException.Kind.UNAVAILABLE, AvailabilityException.Reason.LEAVE,
				new TimeRange(Instant.parse("2026-12-01T08:30:00Z"), Instant.parse("2026-12-01T09:15:00Z")), Set.of(),
				null);
		WeeklyAvailability availability = availability(List.of(leave), rule(DayOfWeek.TUESDAY, "09:00", "11:00"));

		assertThat(availability.slots(day("2026-12-01"), CONSULTATION, Set.of(Mode.IN_PERSON)))
			.extracting(s -> s.during().start())
			.containsExactly(Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T09:15:00Z"));
	}

	@Test
	void aPractitionerIsClosedOutsideTheirWindowsWhateverTheTypeAndDuringLeave() {
		// Tuesday 1 December 2026, 08:00 to 16:00 in Paris, in two windows back to back.
		AvailabilityException leave = new AvailabilityException(UUID.randomUUID(),
				AvailabilityException.Kind.UNAVAILABLE, AvailabilityException.Reason.LEAVE,
				new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:30:00Z")), Set.of(),
				null);
		WeeklyAvailability availability = availability(List.of(leave), rule(DayOfWeek.TUESDAY, "08:00", "12:00"),
				new WeeklyRule(UUID.randomUUID(), DayOfWeek.TUESDAY, LocalTime.NOON, LocalTime.of(16, 0),
						Set.of(Mode.TELECONSULTATION), Set.of("surgery"), LocalDate.of(2026, 1, 1), null));

		assertThat(availability.closed(day("2026-12-01"))).containsExactly(
				new TimeRange(day("2026-12-01").start(), Instant.parse("2026-12-01T07:00:00Z")),
				new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:30:00Z")),
				new TimeRange(Instant.parse("2026-12-01T15:00:00Z"), day("2026-12-01").end()));
		assertThat(availability.isOpenThroughout(
				new TimeRange(Instant.parse("2026-12-01T10:30:00Z"), Instant.parse("2026-12-01T13:00:00Z"))))
			.isTrue();
		assertThat(availability.isOpenThroughout(
				new TimeRange(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"))))
			.isFalse();
	}

	@Test
	void extraHoursAddSlotsOutsideTheWeeklyRules() {
		AvailabilityException saturday = new AvailabilityException(UUID.randomUUID(), AvailabilityException.Kind.EXTRA,
				AvailabilityException.Reason.EXTRA_HOURS,
				new TimeRange(Instant.parse("2026-12-05T09:00:00Z"), Instant.parse("2026-12-05T10:00:00Z")),
				Set.of(Mode.TELECONSULTATION), null);
		WeeklyAvailability availability = availability(List.of(saturday), rule(DayOfWeek.TUESDAY, "09:00", "11:00"));

		assertThat(availability.slots(day("2026-12-05"), CONSULTATION, Set.of(Mode.values())))
			.extracting(s -> s.modes())
			.containsExactly(Set.of(Mode.TELECONSULTATION), Set.of(Mode.TELECONSULTATION));
		assertThat(availability.slots(day("2026-12-05"), CONSULTATION, Set.of(Mode.IN_PERSON))).isEmpty();
	}

	@Test
	void aTypeLongerThanWhatIsLeftOfAWindowGetsNoSlotThere() {
		WeeklyAvailability availability = availability(rule(DayOfWeek.TUESDAY, "09:00", "12:00"));

		assertThat(availability.slots(day("2026-12-01"), SURGERY, Set.of(Mode.IN_PERSON))).hasSize(1);
	}

	@Test
	void aRuleRestrictedToSomeTypesOffersNoOthers() {
		WeeklyRule surgeryOnly = new WeeklyRule(UUID.randomUUID(), DayOfWeek.TUESDAY, LocalTime.of(8, 0),
				LocalTime.of(12, 0), Set.of(Mode.IN_PERSON), Set.of("surgery"), LocalDate.of(2026, 1, 1), null);
		WeeklyAvailability availability = availability(surgeryOnly);

		assertThat(availability.slots(day("2026-12-01"), CONSULTATION, Set.of(Mode.IN_PERSON))).isEmpty();
		assertThat(availability.slots(day("2026-12-01"), SURGERY, Set.of(Mode.IN_PERSON))).hasSize(2);
	}

	@Test
	void rulesApplyOnlyWithinTheirValidity() {
		WeeklyRule december = new WeeklyRule(UUID.randomUUID(), DayOfWeek.TUESDAY, LocalTime.of(9, 0),
				LocalTime.of(10, 0), Set.of(Mode.IN_PERSON), null, LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 12, 31));
		WeeklyAvailability availability = availability(december);

		assertThat(availability.slots(day("2026-11-24"), CONSULTATION, Set.of(Mode.IN_PERSON))).isEmpty();
		assertThat(availability.slots(day("2026-12-01"), CONSULTATION, Set.of(Mode.IN_PERSON))).hasSize(2);
		assertThat(availability.slots(day("2027-01-05"), CONSULTATION, Set.of(Mode.IN_PERSON))).isEmpty();
	}

	@Test
	void coversOnlyWhatLiesWhollyInOneWindowWithTheTypeAndMode() {
		WeeklyAvailability availability = availability(rule(DayOfWeek.TUESDAY, "09:00", "11:00"));
		TimeRange inside = TimeRange.of(Instant.parse("2026-12-01T08:10:00Z"), Duration.ofMinutes(30));
		TimeRange overlappingTheEnd = TimeRange.of(Instant.parse("2026-12-01T09:45:00Z"), Duration.ofMinutes(30));

		assertThat(availability.covers(inside, CONSULTATION, Mode.IN_PERSON)).isTrue();
		assertThat(availability.covers(inside, CONSULTATION, Mode.TELECONSULTATION)).isFalse();
		assertThat(availability.covers(overlappingTheEnd, CONSULTATION, Mode.IN_PERSON)).isFalse();
	}

	@Test
	void aRuleEndingBeforeItStartsIsRefused() {
		assertThatThrownBy(() -> rule(DayOfWeek.MONDAY, "12:00", "09:00"))
			.hasMessage("The request has an invalid field.");
	}

	@Test
	void aTimeRangeEndingBeforeItStartsIsRefused() {
		assertThatThrownBy(
				() -> new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T09:00:00Z")))
			.hasMessage("The request has an invalid field.");
	}

	private static TimeRange day(String date) {
		LocalDate day = LocalDate.parse(date);
		return new TimeRange(day.atStartOfDay(PARIS).toInstant(), day.plusDays(1).atStartOfDay(PARIS).toInstant());
	}

	private static WeeklyRule rule(DayOfWeek day, String start, String end) {
		return new WeeklyRule(UUID.randomUUID(), day, LocalTime.parse(start), LocalTime.parse(end),
				Set.of(Mode.IN_PERSON), null, LocalDate.of(2026, 1, 1), null);
	}

	private static WeeklyAvailability availability(WeeklyRule... rules) {
		return availability(List.of(), rules);
	}

	private static WeeklyAvailability availability(List<AvailabilityException> exceptions, WeeklyRule... rules) {
		return new WeeklyAvailability(UUID.randomUUID(), UUID.randomUUID(), PARIS,
				Map.of(CONSULTATION.code(), CONSULTATION, SURGERY.code(), SURGERY), List.of(rules), exceptions, 0);
	}

}
