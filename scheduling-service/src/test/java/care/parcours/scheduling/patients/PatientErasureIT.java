package care.parcours.scheduling.patients;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.patient.PatientErased;
import care.parcours.events.patient.PatientEvent;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest
class PatientErasureIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	SchedulingFixtures fixtures;

	Practitioner surgeon;

	Instant morning;

	@BeforeEach
	void surgeon() {
		fixtures = new SchedulingFixtures(http, jdbc);
		surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "10:00");
		morning = weekdayAt(surgeon, 3, "09:00");
	}

	@Test
	void anErasedPatientIsForgottenOnceTheirAppointmentsKeepTheIdAndNothingNewNamesThem() {
		UUID patient = fixtures.patient();
		UUID appointment = fixtures.book(surgeon, patient, morning, "consultation", "IN_PERSON");
		joinWaitlist(patient).expectStatus().isCreated();
		Instant erasedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		double duplicatesBefore = duplicates();

		EventEnvelope erasure = TestEvents.publish(new PatientErased(patient, erasedAt), patient, 1);

		await().until(
				() -> count("select count(*) from known_patient where id = ? and erased_at is not null", patient) == 1);
		assertThat(count("select count(*) from waitlist_entry where patient_id = ?", patient)).isZero();
		assertThat(count("select count(*) from booking where id = ? and patient_id = ?", appointment, patient)).isOne();

		// Delivered again: recognised as handled, and changes nothing.
		joinWaitlistDirectly(patient);
		TestEvents.redeliver(erasure, PatientEvent.class);
		await().untilAsserted(() -> assertThat(duplicates()).isEqualTo(duplicatesBefore + 1));
		assertThat(count("select count(*) from waitlist_entry where patient_id = ?", patient)).isOne();
		assertThat(jdbc.sql("select erased_at from known_patient where id = ?")
			.param(patient)
			.query(Timestamp.class)
			.single()
			.toInstant()).isEqualTo(erasedAt);

		joinWaitlist(patient).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/unknown-patient");
		book(patient, morning.plus(Duration.ofMinutes(30))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/unknown-patient");
	}

	@Test
	void anErasureHeardBeforeTheRegistrationStillForgetsThePatient() {
		UUID patient = UUID.randomUUID();

		TestEvents.publish(new PatientErased(patient, Instant.now()), patient, 1);

		await().until(
				() -> count("select count(*) from known_patient where id = ? and erased_at is not null", patient) == 1);
		joinWaitlist(patient).expectStatus().isEqualTo(422);
	}

	private RestTestClient.ResponseSpec joinWaitlist(UUID patient) {
		return http.post()
			.uri("/api/waitlist")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"patientId": "%s", "practitionerId": "%s", "appointmentType": "consultation", "from": "%s", "to": "%s"}
					"""
				.formatted(patient, surgeon.id(), morning.minus(Duration.ofDays(1)), morning.plus(Duration.ofDays(2))))
			.exchange();
	}

	/**
	 * An entry written behind the service's back, after the erasure: were the redelivered
	 * event handled again, it would be dropped.
	 */
	private void joinWaitlistDirectly(UUID patient) {
		jdbc.sql("""
				insert into waitlist_entry (id, patient_id, practitioner_id, appointment_type, wanted, status,
				                            version, created_at)
				values (?, ?, ?, 'consultation', tstzrange(now(), now() + interval '1 day'), 'WAITING', 0, now())
				""").params(UUID.randomUUID(), patient, surgeon.id()).update();
	}

	private RestTestClient.ResponseSpec book(UUID patient, Instant start) {
		return http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).body("""
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON"}
				""".formatted(surgeon.id(), patient, start)).exchange();
	}

	private double duplicates() {
		Counter counter = meters.find("parcours.events.consumed")
			.tag("type", "patient.patient.erased.v1")
			.tag("outcome", "duplicate")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
