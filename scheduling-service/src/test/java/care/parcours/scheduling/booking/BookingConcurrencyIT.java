package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Many coordinators at once: whatever the interleaving, a slot is booked once, nobody
 * ends up with two overlapping appointments, and every answer is a booking or a conflict,
 * never a server error (the deadlocks the exclusion constraints cause are tried again).
 */
@ParcoursTest
class BookingConcurrencyIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoHundredSimultaneousAttemptsOnOneSlotGiveOneBookingAndOneHundredNinetyNineConflicts() throws Exception {
		SchedulingFixtures fixtures = new SchedulingFixtures(http, jdbc);
		Practitioner surgeon = fixtures.practitioner();
		fixtures.weekdays(surgeon, "09:00", "12:00");
		List<UUID> patients = fixtures.patients(200);
		Instant start = weekdayAt(surgeon, 3, "10:00");
		CountDownLatch go = new CountDownLatch(1);

		List<Future<Integer>> attempts = new ArrayList<>();
		try (ExecutorService coordinators = Executors.newVirtualThreadPerTaskExecutor()) {
			for (UUID patient : patients) {
				attempts.add(coordinators.submit(() -> {
					go.await();
					return book(surgeon.id(), patient, start, "consultation");
				}));
			}
			go.countDown();
			Map<Integer, Long> statuses = new java.util.TreeMap<>();
			for (Future<Integer> attempt : attempts) {
				statuses.merge(attempt.get(), 1L, Long::sum);
			}
			// Concurrent inserts checked by one exclusion constraint deadlock in
			// PostgreSQL:
			// the aborted ones are tried again and find the slot taken, never a 500.
			assertThat(statuses).as("answers").doesNotContainKey(500);
			assertThat(statuses).containsOnly(entry(201, 1L), entry(409, 199L));
		}
		assertThat(jdbc.sql("select count(*) from booking where practitioner_id = ? and status = 'BOOKED'")
			.param(surgeon.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aThousandRandomConcurrentBookingsAndReschedulesLeaveNoOverlap() throws Exception {
		SchedulingFixtures fixtures = new SchedulingFixtures(http, jdbc);
		List<Practitioner> practitioners = List.of(fixtures.practitioner(), fixtures.practitioner(),
				fixtures.practitioner());
		practitioners.forEach(p -> fixtures.weekdays(p, "09:00", "13:00"));
		List<UUID> patients = fixtures.patients(40);
		List<UUID> booked = Collections.synchronizedList(new ArrayList<>());
		Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
		Semaphore inFlight = new Semaphore(32);

		try (ExecutorService coordinators = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < 1_000; i++) {
				work.add(coordinators.submit(() -> {
					inFlight.acquire();
					try {
						ThreadLocalRandom random = ThreadLocalRandom.current();
						Practitioner practitioner = practitioners.get(random.nextInt(practitioners.size()));
						Instant start = weekdayAt(practitioner, 2 + random.nextInt(3), "09:00")
							.plus(Duration.ofMinutes(15L * random.nextInt(14)));
						int status;
						if (booked.size() > 10 && random.nextInt(10) < 3) {
							UUID appointment = booked.get(random.nextInt(booked.size()));
							status = reschedule(appointment, start);
						}
						else {
							UUID patient = patients.get(random.nextInt(patients.size()));
							String[] created = new String[1];
							status = book(practitioner.id(), patient, start, "consultation", created);
							if (status == 201) {
								booked.add(UUID.fromString(created[0]));
							}
						}
						outcomes.merge(status, 1, Integer::sum);
					}
					finally {
						inFlight.release();
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}

		assertThat(outcomes).as("outcomes").doesNotContainKey(500);
		assertThat(outcomes.keySet()).as("outcomes %s", outcomes).isSubsetOf(200, 201, 409, 422);
		assertThat(outcomes.get(201)).as("bookings made").isGreaterThan(50);
		assertThat(outcomes.get(409)).as("collisions refused").isGreaterThan(50);
		assertThat(overlaps("practitioner_id", "true")).isZero();
		assertThat(overlaps("patient_id", "a.kind = 'APPOINTMENT' and b.kind = 'APPOINTMENT'")).isZero();
	}

	/** Pairs of live bookings sharing a practitioner (or patient) whose times overlap. */
	private long overlaps(String owner, String kinds) {
		return jdbc.sql("""
				select count(*) from booking a join booking b
				  on a.%s = b.%s and a.id < b.id and a.during && b.during
				where a.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				  and b.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW') and %s
				""".formatted(owner, owner, kinds)).query(Long.class).single();
	}

	private int book(UUID practitioner, UUID patient, Instant start, String type) {
		return book(practitioner, patient, start, type, new String[1]);
	}

	private int book(UUID practitioner, UUID patient, Instant start, String type, String[] createdId) {
		var result = http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).body("""
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s",
				 "mode": "IN_PERSON"}
				""".formatted(practitioner, patient, start, type)).exchange().returnResult(Map.class);
		if (result.getStatus().value() == 201) {
			createdId[0] = (String) result.getResponseBody().get("id");
		}
		return result.getStatus().value();
	}

	/** Reschedules the version just read: another change in between is a 409 too. */
	private int reschedule(UUID appointment, Instant start) {
		String version = http.get()
			.uri("/api/appointments/{id}", appointment)
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		return http.post()
			.uri("/api/appointments/{id}/reschedule", appointment)
			.header("If-Match", version)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + start + "\"}")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

}
