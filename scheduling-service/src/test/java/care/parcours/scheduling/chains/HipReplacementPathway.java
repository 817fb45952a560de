package care.parcours.scheduling.chains;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Where the chain tests start: a hip replacement pathway of one patient, its three
 * practitioners open weekdays 09:00 to 17:00. The pre-op consult is the day before
 * surgery at 10:00, the surgery on a Wednesday two weeks on at 09:00, the follow-up a
 * week after at 10:00; each test books them its own way ({@link #book}).
 */
abstract class HipReplacementPathway {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	Practitioner anaesthetist;

	Practitioner surgeon;

	Practitioner physio;

	UUID patient;

	LocalDate surgeryDay;

	UUID consult;

	UUID surgery;

	UUID followUp;

	@BeforeEach
	void bookedPathway() {
		fixtures = new SchedulingFixtures(http, jdbc);
		anaesthetist = openNineToFive();
		surgeon = openNineToFive();
		physio = openNineToFive();
		patient = fixtures.patient();
		surgeryDay = LocalDate.now().plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
		consult = book(anaesthetist, at(surgeryDay.minusDays(1), "10:00"), "consultation");
		surgery = book(surgeon, at(surgeryDay, "09:00"), "surgery");
		followUp = book(physio, at(surgeryDay.plusDays(7), "10:00"), "consultation");
	}

	private Practitioner openNineToFive() {
		Practitioner practitioner = fixtures.practitioner();
		fixtures.weekdays(practitioner, "09:00", "17:00");
		return practitioner;
	}

	/** Books the patient in person and answers the appointment's id. */
	abstract UUID book(Practitioner practitioner, Instant start, String type);

	/** The day at a local time of the practitioners' zone. */
	Instant at(LocalDate day, String time) {
		return ZonedDateTime.of(day, LocalTime.parse(time), surgeon.zone()).toInstant();
	}

}
