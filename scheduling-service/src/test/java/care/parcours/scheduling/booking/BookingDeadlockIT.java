package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.RivalTransaction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent bookings checked by an exclusion constraint can deadlock in PostgreSQL: a
 * booking that waits for another transaction's overlapping booking while that one waits
 * for it. Here the other transaction is the test's own, so the deadlock happens every
 * time: the booking's transaction is the one PostgreSQL aborts (SQLSTATE 40P01), and the
 * booking is tried again in a fresh transaction rather than answered with a 500. The
 * outbox is not relayed in these tests, so that what it holds shows every event a
 * committed transaction wrote; every session waits three seconds, not one, before it
 * looks for a deadlock, so that a loaded machine still lets the test close the cycle in
 * time.
 */
@ParcoursTest(properties = { "parcours.outbox.enabled=false",
		"spring.datasource.hikari.connection-init-sql=set deadlock_timeout = '3s'" })
class BookingDeadlockIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Value("${parcours.contention-retry.max-retries}")
	int maxRetries;

	private final ExecutorService coordinators = Executors.newVirtualThreadPerTaskExecutor();

	private Practitioner surgeon;

	private Practitioner anaesthetist;

	private UUID patient;

	private UUID otherPatient;

	private Instant start;

	@BeforeEach
	void scene() {
		SchedulingFixtures fixtures = new SchedulingFixtures(http, jdbc);
		surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "12:00");
		anaesthetist = fixtures.practitioner();
		patient = fixtures.patient();
		otherPatient = fixtures.patient();
		start = weekdayAt(surgeon, 3, "10:00");
	}

	@AfterEach
	void stop() {
		coordinators.close();
	}

	@Test
	void aBookingAbortedAsADeadlockIsTriedAgainAndBooksTheSlot() throws Exception {
		CompletableFuture<RestTestClient.ResponseSpec> booking;
		boolean triedAgain;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(INSERT, bookPatientElsewhere());
			booking = book(null);
			rival.awaitWaiter();
			rival.deadlockAndUndo(INSERT, takeSlot());
			triedAgain = rival.awaitWaiterOr(booking::isDone);
			rival.rollback();
		}

		booking.get().expectStatus().isCreated().expectBody().jsonPath("$.patientId").isEqualTo(patient.toString());
		assertThat(triedAgain).as("the booking was tried again after the deadlock").isTrue();
		assertThat(bookingsOf(patient)).isEqualTo(1);
		assertThat(bookedEventsInOutbox()).as("booked events written by committed transactions").isEqualTo(1);
	}

	@Test
	void aBookingAbortedAsADeadlockThatThenFindsTheSlotTakenIsRefusedAsSlotTaken() throws Exception {
		CompletableFuture<RestTestClient.ResponseSpec> booking;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(INSERT, bookPatientElsewhere());
			booking = book(null);
			rival.awaitWaiter();
			rival.deadlock(INSERT, takeSlot());
			rival.commit();
		}

		booking.get()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/slot-taken");
		assertThat(bookingsOf(patient)).as("the rival's booking elsewhere only").isEqualTo(1);
		assertThat(bookedEventsInOutbox()).isZero();
	}

	@Test
	void aBookingThatKeepsBeingAbortedAsADeadlockAnswersBusyAndChangesNothing() throws Exception {
		CompletableFuture<RestTestClient.ResponseSpec> booking;
		int deadlocks = 0;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(INSERT, bookPatientElsewhere());
			booking = book(null);
			while (deadlocks <= maxRetries + 1 && rival.awaitWaiterOr(booking::isDone)) {
				rival.deadlockAndUndo(INSERT, takeSlot());
				deadlocks++;
			}
			rival.rollback();
		}

		booking.get()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/busy");
		assertThat(deadlocks).as("the first attempt and every retry").isEqualTo(maxRetries + 1);
		assertThat(bookingsOf(patient)).isZero();
		assertThat(bookedEventsInOutbox()).isZero();
	}

	@Test
	void anIdempotentBookingAbortedAsADeadlockIsMadeOnceAndItsRetryGetsTheFirstAnswer() throws Exception {
		String key = "deadlock-" + UUID.randomUUID();
		CompletableFuture<RestTestClient.ResponseSpec> booking;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(INSERT, bookPatientElsewhere());
			booking = book(key);
			rival.awaitWaiter();
			rival.deadlockAndUndo(INSERT, takeSlot());
			rival.awaitWaiterOr(booking::isDone);
			rival.rollback();
		}

		String first = booking.get()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String replayed = book(key).get()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(IdempotentRequests.REPLAYED, "true")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(replayed).isEqualTo(first);
		assertThat(bookingsOf(patient)).isEqualTo(1);
		assertThat(bookedEventsInOutbox()).isEqualTo(1);
	}

	private static final String INSERT = """
			insert into booking (id, kind, status, practitioner_id, partner_id, patient_id, during, mode,
			                     appointment_type, version, created_at, updated_at)
			values (?, 'APPOINTMENT', 'BOOKED', ?, ?, ?, tstzrange(?, ?), 'IN_PERSON', 'consultation', 0, now(), now())
			""";

	/**
	 * The rival's first booking: the same patient with another practitioner at the same
	 * time. Uncommitted, it makes the booking under test wait when it checks the
	 * patient's other appointments, after it has claimed the surgeon's time.
	 */
	private Object[] bookPatientElsewhere() {
		return new Object[] { UUID.randomUUID(), anaesthetist.id(), anaesthetist.partnerId(), patient, at(start),
				at(start.plus(Duration.ofMinutes(15))) };
	}

	/**
	 * The rival's second booking: the surgeon at the same time for another patient. It
	 * waits for the booking under test, which waits for the rival: a deadlock.
	 */
	private Object[] takeSlot() {
		return new Object[] { UUID.randomUUID(), surgeon.id(), surgeon.partnerId(), otherPatient, at(start),
				at(start.plus(Duration.ofMinutes(15))) };
	}

	private CompletableFuture<RestTestClient.ResponseSpec> book(@Nullable String key) {
		return CompletableFuture.supplyAsync(() -> http.post().uri("/api/appointments").headers(headers -> {
			if (key != null) {
				headers.set(IdempotentRequests.HEADER, key);
			}
		}).contentType(MediaType.APPLICATION_JSON).body("""
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
				 "mode": "IN_PERSON"}
				""".formatted(surgeon.id(), patient, start)).exchange(), coordinators);
	}

	private long bookingsOf(UUID patient) {
		return jdbc.sql("select count(*) from booking where patient_id = ? and status = 'BOOKED'")
			.param(patient)
			.query(Long.class)
			.single();
	}

	private long bookedEventsInOutbox() {
		return jdbc.sql("""
				select count(*) from parcours_platform.outbox_event
				where event_type = 'scheduling.appointment.booked.v1'
				  and envelope::jsonb -> 'data' ->> 'practitionerId' = ?
				""").param(surgeon.id().toString()).query(Long.class).single();
	}

	private static Object at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
