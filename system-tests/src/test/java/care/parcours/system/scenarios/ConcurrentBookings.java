package care.parcours.system.scenarios;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import care.parcours.test.TestKafka;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients booking one practitioner's slots under {@code Idempotency-Key}s through both
 * gateways, and what they were answered; then the checks of what was stored and
 * published.
 */
final class ConcurrentBookings {

	static final String BOOKED = "scheduling.appointment.booked.v1";

	static final String CANCELLED = "scheduling.appointment.cancelled.v1";

	static final String SCHEDULING_TOPIC = "parcours.scheduling.v1";

	/** A booking sent under a key. */
	record Attempt(String key, String body) {
	}

	/**
	 * @param status the definitive answer (201 booked, 409 taken, ...)
	 * @param bookingId the booking's id when it was booked
	 */
	private record Outcome(int status, String bookingId) {

		boolean booked() {
			return this.status == 201;
		}

	}

	private final BothGateways gateways;

	private final Gateway coordinator;

	private final String practitionerId;

	private final List<String> patients;

	/** Each attempt's key and what its clients were answered. */
	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	ConcurrentBookings(BothGateways gateways, Gateway coordinator, String practitionerId, List<String> patients) {
		this.gateways = gateways;
		this.coordinator = coordinator;
		this.practitionerId = practitionerId;
		this.patients = patients;
	}

	/** Bookings of the patients, each at one of the starts, chosen by the random. */
	List<Attempt> attempts(Random random, int count, List<Instant> starts) {
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attempts.add(new Attempt("several-" + UUID.randomUUID(), """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
					 "mode": "IN_PERSON"}
					""".formatted(this.practitionerId, this.patients.get(random.nextInt(this.patients.size())),
					starts.get(random.nextInt(starts.size())))));
		}
		return attempts;
	}

	/**
	 * Books under the attempt's key until the answer is definitive; then once more, which
	 * must replay the same answer.
	 */
	void book(Attempt attempt) {
		Gateway.Answer answer = this.gateways.untilDefinitive(this.coordinator,
				(client) -> client.postOnce("/api/appointments", attempt.body(), attempt.key()));
		Outcome outcome = new Outcome(answer.status(), answer.body().path("id").asString());
		this.outcomes.put(attempt.key(), outcome);
		if (outcome.booked()) {
			Gateway.Answer again = this.gateways.untilDefinitive(this.coordinator,
					(client) -> client.postOnce("/api/appointments", attempt.body(), attempt.key()));
			assertThat(again.status()).as("replay of %s", attempt.key()).isEqualTo(201);
			assertThat(again.body().path("id").asString()).isEqualTo(outcome.bookingId());
		}
	}

	/**
	 * The same key, already answered, to both instances at the same moment: one effect,
	 * one answer.
	 */
	void sendToBothInstances(Attempt attempt, Gateway one, Gateway other) {
		CompletableFuture<Gateway.Answer> toOne = CompletableFuture
			.supplyAsync(() -> one.postOnce("/api/appointments", attempt.body(), attempt.key()));
		CompletableFuture<Gateway.Answer> toOther = CompletableFuture
			.supplyAsync(() -> other.postOnce("/api/appointments", attempt.body(), attempt.key()));
		Outcome outcome = this.outcomes.get(attempt.key());
		for (Gateway.Answer answer : List.of(toOne.join(), toOther.join())) {
			assertThat(answer.status()).as("%s sent to both instances", attempt.key()).isEqualTo(outcome.status());
			if (outcome.booked()) {
				assertThat(answer.body().path("id").asString()).isEqualTo(outcome.bookingId());
			}
		}
	}

	void cancelSome(int count) {
		List<String> booked = this.outcomes.values()
			.stream()
			.filter(Outcome::booked)
			.map(Outcome::bookingId)
			.sorted()
			.limit(count)
			.toList();
		assertThat(booked).hasSize(count);
		for (String id : booked) {
			Gateway.Answer read = this.coordinator.get("/api/appointments/" + id);
			assertThat(this.coordinator.post("/api/appointments/" + id + "/cancel", """
					{"reason": "PRACTITIONER_UNAVAILABLE"}
					""", read.etag()).status()).isEqualTo(200);
		}
	}

	int attempted() {
		return this.outcomes.size();
	}

	/** The bookings the clients were told of, by key. */
	Map<String, String> bookedByKey() {
		Map<String, String> booked = new HashMap<>();
		this.outcomes.forEach((key, outcome) -> {
			if (outcome.booked()) {
				booked.put(key, outcome.bookingId());
			}
		});
		return booked;
	}

	/**
	 * No two bookings overlap; every 201 is a booking and nothing else is (a key with two
	 * effects would leave a booking no client was told of); each key is stored with its
	 * answer.
	 */
	void neverCollideWithOneEffectPerKey(Sql scheduling) {
		Map<String, String> bookedByKey = bookedByKey();
		assertThat(scheduling.count("""
				select count(*) from booking a join booking b
				  on a.practitioner_id = b.practitioner_id and a.id < b.id and a.during && b.during
				where a.practitioner_id = ?::uuid
				  and a.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				  and b.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				""", this.practitionerId)).as("overlapping bookings").isZero();
		assertThat(scheduling.strings("select id from booking where practitioner_id = ?::uuid and kind = 'APPOINTMENT'",
				this.practitionerId))
			.containsExactlyInAnyOrderElementsOf(new HashSet<>(bookedByKey.values()));
		assertThat(bookedByKey.values()).doesNotHaveDuplicates();
		assertThat(scheduling.count(
				"select count(*) from parcours_platform.idempotent_request where key = any(?) and status is not null",
				bookedByKey.keySet()))
			.as("keys stored with their answer")
			.isEqualTo(bookedByKey.size());
	}

	/**
	 * The booked bookings' events on the scheduling topic, each once: one booked event
	 * per booking, the cancelled ones cancelled once, versions in topic order. A relay
	 * instance killed between sending records and marking them sent leaves them to the
	 * other instance, which sends them again: the same event, same id and content, a
	 * second time (consumers skip it by its id). Such copies are counted in the answer,
	 * never a second event for one change.
	 */
	Published published(int cancelled) {
		Set<String> bookings = new HashSet<>(bookedByKey().values());
		List<JsonNode> read = TopicEvents
			.read(TestKafka.bootstrapServers(), SCHEDULING_TOPIC,
					(sofar) -> bookings.stream()
						.allMatch((booking) -> sofar.stream()
							.anyMatch((event) -> event.path("subject").asString().equals(booking)
									&& event.path("type").asString().equals(BOOKED))))
			.stream()
			.filter((event) -> bookings.contains(event.path("subject").asString()))
			.toList();
		Map<String, JsonNode> firstById = new LinkedHashMap<>();
		for (JsonNode event : read) {
			JsonNode first = firstById.putIfAbsent(event.path("id").asString(), event);
			assertThat(first == null || first.equals(event)).as("a copy of event %s, the same to the letter", event)
				.isTrue();
		}
		List<JsonNode> events = List.copyOf(firstById.values());
		Map<String, List<JsonNode>> bySubject = events.stream()
			.collect(Collectors.groupingBy((event) -> event.path("subject").asString()));
		for (String booking : bookings) {
			List<JsonNode> ofBooking = bySubject.get(booking);
			assertThat(ofBooking.stream().filter((event) -> event.path("type").asString().equals(BOOKED)))
				.as("booked events of %s", booking)
				.hasSize(1);
			assertThat(ofBooking.stream().map((event) -> event.path("aggregateVersion").asLong()).toList())
				.as("versions of %s in topic order", booking)
				.isSorted();
			assertThat(ofBooking.getFirst().path("type").asString()).isEqualTo(BOOKED);
		}
		assertThat(bySubject.values()
			.stream()
			.filter((ofBooking) -> ofBooking.stream()
				.anyMatch((event) -> event.path("type").asString().equals(CANCELLED))))
			.hasSize(cancelled);
		return new Published(events, read.size() - events.size());
	}

	/**
	 * Each event once, in topic order, and how many copies of them the topic also holds.
	 */
	record Published(List<JsonNode> events, int copies) {
	}

}
