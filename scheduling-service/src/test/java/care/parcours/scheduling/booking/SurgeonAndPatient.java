package care.parcours.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.MutableClock;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Where most booking tests start: a surgeon who sees patients on weekday mornings (09:00
 * to 12:00 in their zone) and a patient, on the application's movable clock. Each test
 * gets a surgeon and a patient of its own.
 */
abstract class SurgeonAndPatient {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	SchedulingFixtures fixtures;

	Practitioner surgeon;

	UUID patient;

	@BeforeEach
	void surgeonAndPatient() {
		fixtures = new SchedulingFixtures(http, jdbc);
		surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "12:00");
		patient = fixtures.patient();
	}

	/** The nth weekday after today as the application's clock tells it. */
	Instant weekdayAt(Practitioner practitioner, int n, String localTime) {
		return SchedulingFixtures.weekdayAt(clock, practitioner, n, localTime);
	}

}
