package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Coordinators booking surgeries at once on overlapping sets of surgeons, rooms and
 * interpreters: whatever the interleaving, no resource is ever taken twice, and every
 * appointment holds all its resources or none.
 */
@ParcoursTest
class MultiResourceConcurrencyIT extends MultiResourceClinic {

	private static final long SEED = 23;

	@Test
	void twoHundredSimultaneousAttemptsOnOverlappingResourcesLeaveNoResourceTakenTwice() throws Exception {
		List<Practitioner> surgeons = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			surgeons.add(clinic.surgeon());
		}
		List<UUID> patients = fixtures.patients(200);
		Random random = new Random(SEED);
		List<String> attempts = new ArrayList<>();
		for (UUID patient : patients) {
			Practitioner surgeon = surgeons.get(random.nextInt(surgeons.size()));
			Instant start = weekdayAt(surgeon, 3, "08:00").plus(Duration.ofMinutes(30L * random.nextInt(12)));
			attempts.add(MultiResourceFixtures.booking(surgeon, patient, start,
					random.nextBoolean() ? "surgery" : "in-room-a"));
		}
		CountDownLatch go = new CountDownLatch(1);

		Map<Integer, Long> statuses = new TreeMap<>();
		try (ExecutorService coordinators = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> answers = new ArrayList<>();
			for (String attempt : attempts) {
				answers.add(coordinators.submit(() -> {
					go.await();
					return http.post()
						.uri("/api/appointments")
						.contentType(MediaType.APPLICATION_JSON)
						.body(attempt)
						.exchange()
						.returnResult(String.class)
						.getStatus()
						.value();
				}));
			}
			go.countDown();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1L, Long::sum);
			}
		}

		assertThat(statuses.keySet()).as("answers %s", statuses).containsOnly(201, 409);
		// Two rooms and two interpreters for one working day: a handful of surgeries fit.
		assertThat(statuses.get(201)).as("answers %s", statuses).isGreaterThanOrEqualTo(2);
		assertThat(statuses.get(409)).as("answers %s", statuses).isGreaterThan(150);
		UUID[] ids = surgeons.stream().map(Practitioner::id).toArray(UUID[]::new);
		assertThat(jdbc.sql("select count(*) from booking where practitioner_id = any(?) and status = 'BOOKED'")
			.param(ids)
			.query(Long.class)
			.single()).isEqualTo(statuses.get(201));
		assertThat(jdbc.sql("""
				select count(*) from booking_resource a join booking_resource b
				  on a.resource_id = b.resource_id and a.booking_id < b.booking_id and a.during && b.during
				where a.live and b.live
				""").query(Long.class).single()).as("resources taken twice").isZero();
		assertThat(jdbc.sql("""
				select count(*) from booking b
				where b.practitioner_id = any(?) and b.status = 'BOOKED'
				  and (select count(*) from booking_resource r where r.booking_id = b.id and r.live) <> 3
				""").param(ids).query(Long.class).single()).as("appointments missing a resource").isZero();
		assertThat(jdbc
			.sql("select count(*) from booking_resource r join booking b on b.id = r.booking_id"
					+ " where b.practitioner_id = any(?) and b.status <> 'BOOKED'")
			.param(ids)
			.query(Long.class)
			.single()).as("resources of refused attempts").isZero();
	}

}
