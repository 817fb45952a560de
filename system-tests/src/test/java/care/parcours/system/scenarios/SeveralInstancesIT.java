package care.parcours.system.scenarios;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import care.parcours.local.KafkaSource;
import care.parcours.local.LocalPlatform;
import care.parcours.local.PortPlan;
import care.parcours.local.PostgresSource;
import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service and of the authorization server behind one gateway, on
 * one database per service and one Kafka. Concurrent clients book a small set of slots,
 * each booking under an {@code Idempotency-Key} that is also sent to both instances of
 * scheduling-service at once, and some bookings are cancelled; then one instance of
 * scheduling-service is killed (SIGKILL) in the middle of more bookings, whose clients
 * retry with the same key until they get an answer. Afterwards, by SQL and on the topic:
 * no two bookings overlap, no key had two effects, every 201 a client got is a booking,
 * and each booking's events are on the topic exactly once, in order.
 * <p>
 * Small on purpose (two practitioners' day, a few hundred requests): it runs beside the
 * other system tests on two cores. Its own platform, stopped after it; the other tests'
 * platform is stopped before it (ten instances' connection pools beside that one's would
 * pass PostgreSQL's 100 connections).
 */
class SeveralInstancesIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CLIENTS = 6;

	private static final int PATIENTS = 6;

	// Fewer slots than attempts: clients compete for them.
	private static final int SLOTS = 16;

	private static RunningPlatform platform;

	private static TestPostgres.Database admin;

	private static String prefix;

	private static Gateway coordinator;

	/** Each attempt's key and what its clients were answered. */
	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	/** Sends a client had to make again: a 5xx or 429 answer, or none at all. */
	private final AtomicInteger resent = new AtomicInteger();

	@BeforeAll
	static void startTwoInstancesOfEach() {
		Path root = Path.of(System.getProperty("parcours.repository.root", "..")).toAbsolutePath().normalize();
		Platform.stop();
		admin = TestPostgres.adminDatabase();
		prefix = "systest_" + ProcessHandle.current().pid() + "_two_";
		platform = LocalPlatform.builder(root)
			.postgres(PostgresSource.server(admin.jdbcUrl(), admin.username(), admin.password()))
			.kafka(KafkaSource.external(TestKafka.bootstrapServers()))
			.ports(PortPlan.random())
			.instances(2)
			.databasePrefix(prefix)
			.logDirectory(root.resolve("system-tests/target/platform-logs-two-instances"))
			// Eleven JVMs starting on two cores.
			.readinessTimeout(Duration.ofMinutes(8))
			.build()
			.start();
		coordinator = new Gateway(platform.url(ServiceName.GATEWAY), "coordinator");
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
		if (prefix != null) {
			// Also when the start failed: it created the databases first.
			Platform.dropDatabases(admin, prefix);
		}
	}

	@Test
	void bookingsOnTwoInstancesNeverCollideHaveOneEffectPerKeyOneEventEachAndSurviveAKilledInstance() throws Exception {
		String practitionerId = practitionerOpenEveryDay();
		List<String> patients = knownPatients();
		List<Instant> starts = new ArrayList<>();
		Instant first = LocalDate.now(PARIS).plusDays(3).atTime(8, 0).atZone(PARIS).toInstant();
		for (int i = 0; i < SLOTS; i++) {
			starts.add(first.plus(Duration.ofMinutes(30L * i)));
		}
		Gateway scheduling1 = coordinator.at(platform.url(ServiceName.SCHEDULING, 1));
		Gateway scheduling2 = coordinator.at(platform.url(ServiceName.SCHEDULING, 2));
		Random random = new Random(20);

		// Two instances of everything: each booking also sent at once to both
		// scheduling-service instances under the same key.
		List<Attempt> calm = attempts(random, 48, practitionerId, patients, starts);
		runConcurrently(calm, (attempt) -> {
			book(attempt, coordinator);
			sendToBothInstances(attempt, scheduling1, scheduling2);
		});
		assertThat(outcomes.values().stream().filter(Outcome::booked)).as("some bookings went through").isNotEmpty();
		cancelSome(4);

		// More bookings; one scheduling-service instance killed while they run.
		List<Attempt> stormy = attempts(random, 48, practitionerId, patients,
				starts.stream().map((start) -> start.plus(Duration.ofDays(1))).toList());
		AtomicInteger done = new AtomicInteger();
		int resentBefore = this.resent.get();
		double postsBefore = appointmentPostsServedBy(2);
		double servedBySecond;
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<CompletableFuture<Void>> runs = stormy.stream().map((attempt) -> CompletableFuture.runAsync(() -> {
				book(attempt, coordinator);
				done.incrementAndGet();
			}, pool)).toList();
			await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 12);
			servedBySecond = appointmentPostsServedBy(2) - postsBefore;
			platform.kill(ServiceName.SCHEDULING, 2);
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(platform.process(ServiceName.SCHEDULING, 2)).isEmpty();
		// The gateway had been sending this phase's bookings to the instance it lost.
		assertThat(servedBySecond).as("bookings the killed instance answered before").isPositive();
		int resentAfterKill = this.resent.get() - resentBefore;

		Map<String, String> bookedByKey = new HashMap<>();
		outcomes.forEach((key, outcome) -> {
			if (outcome.booked()) {
				bookedByKey.put(key, outcome.bookingId());
			}
		});
		try (Connection scheduling = schedulingDatabase()) {
			assertThat(overlaps(scheduling, practitionerId)).as("overlapping bookings").isZero();
			// Every 201 is a booking, and nothing else is: a key with two effects would
			// leave a booking no client was told of.
			assertThat(bookingIds(scheduling, practitionerId))
				.containsExactlyInAnyOrderElementsOf(new HashSet<>(bookedByKey.values()));
			assertThat(bookedByKey.values()).doesNotHaveDuplicates();
			assertThat(storedKeys(scheduling, bookedByKey.keySet())).isEqualTo(bookedByKey.size());
		}
		Map<String, List<JsonNode>> events = eventsBySubject(new HashSet<>(bookedByKey.values()));
		for (String bookingId : bookedByKey.values()) {
			List<JsonNode> ofBooking = events.get(bookingId);
			assertThat(ofBooking).as("events of booking %s", bookingId).isNotNull();
			assertThat(ofBooking.stream().filter((event) -> event.path("type").asString().equals(BOOKED)))
				.as("booked events of %s", bookingId)
				.hasSize(1);
			assertThat(ofBooking.stream().map((event) -> event.path("aggregateVersion").asLong()).toList())
				.as("versions of %s in topic order", bookingId)
				.isSorted();
			assertThat(ofBooking.getFirst().path("type").asString()).isEqualTo(BOOKED);
		}
		assertThat(events.values().stream().flatMap(List::stream).map((event) -> event.path("id").asString()))
			.as("event ids")
			.doesNotHaveDuplicates();
		long cancelled = events.values()
			.stream()
			.filter((ofBooking) -> ofBooking.stream()
				.anyMatch((event) -> event.path("type").asString().equals("scheduling.appointment.cancelled.v1")))
			.count();
		assertThat(cancelled).isEqualTo(4);
		System.out.printf(
				"SeveralInstancesIT: %d attempts, %d booked, %d events; the killed instance had answered %.0f"
						+ " of the last phase's booking requests; %d sends were made again after it was killed%n",
				outcomes.size(), bookedByKey.size(), events.values().stream().mapToInt(List::size).sum(),
				servedBySecond, resentAfterKill);
	}

	private static final String BOOKED = "scheduling.appointment.booked.v1";

	private static final String SCHEDULING_TOPIC = "parcours.scheduling.v1";

	private record Attempt(String key, String body) {
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

	private static List<Attempt> attempts(Random random, int count, String practitionerId, List<String> patients,
			List<Instant> starts) {
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			attempts.add(new Attempt("several-" + UUID.randomUUID(), """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
					 "mode": "IN_PERSON"}
					""".formatted(practitionerId, patients.get(random.nextInt(patients.size())),
					starts.get(random.nextInt(starts.size())))));
		}
		return attempts;
	}

	private void runConcurrently(List<Attempt> attempts, java.util.function.Consumer<Attempt> each) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			CompletableFuture
				.allOf(attempts.stream()
					.map((attempt) -> CompletableFuture.runAsync(() -> each.accept(attempt), pool))
					.toArray(CompletableFuture[]::new))
				.get();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Sends the booking until it gets a definitive answer, under the same key each time,
	 * as a client whose request failed or went unanswered does; then once more, which
	 * must replay the same answer.
	 */
	private void book(Attempt attempt, Gateway client) {
		Gateway.Answer answer = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> send(client, attempt), SeveralInstancesIT::definitive);
		Outcome outcome = new Outcome(answer.status(), answer.body().path("id").asString());
		this.outcomes.put(attempt.key(), outcome);
		if (outcome.booked()) {
			Gateway.Answer again = await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptions()
				.until(() -> send(client, attempt), SeveralInstancesIT::definitive);
			assertThat(again.status()).as("replay of %s", attempt.key()).isEqualTo(201);
			assertThat(again.body().path("id").asString()).isEqualTo(outcome.bookingId());
		}
	}

	private Gateway.Answer send(Gateway client, Attempt attempt) {
		try {
			Gateway.Answer answer = client.postOnce("/api/appointments", attempt.body(), attempt.key());
			if (!definitive(answer)) {
				this.resent.incrementAndGet();
			}
			return answer;
		}
		catch (RuntimeException ex) {
			this.resent.incrementAndGet();
			throw ex;
		}
	}

	/**
	 * The booking requests an instance of scheduling-service answered so far, from its
	 * own metrics.
	 */
	private static double appointmentPostsServedBy(int instance) {
		Gateway.Answer metrics = coordinator.at(platform.url(ServiceName.SCHEDULING, instance))
			.getAnonymously("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		return new String(metrics.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
					&& line.contains("uri=\"/api/appointments\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** The same key to both instances at the same moment: one effect, one answer. */
	private void sendToBothInstances(Attempt attempt, Gateway one, Gateway other) {
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

	/**
	 * Anything but a failure of the platform (5xx) or a refusal to wait for (429, all
	 * clients here being one): those the client retries under the same key.
	 */
	private static boolean definitive(Gateway.Answer answer) {
		return answer.status() < 500 && answer.status() != 429;
	}

	private void cancelSome(int count) {
		List<String> booked = this.outcomes.values()
			.stream()
			.filter(Outcome::booked)
			.map(Outcome::bookingId)
			.sorted()
			.limit(count)
			.toList();
		assertThat(booked).hasSize(count);
		for (String id : booked) {
			Gateway.Answer read = coordinator.get("/api/appointments/" + id);
			assertThat(coordinator.post("/api/appointments/" + id + "/cancel", """
					{"reason": "PRACTITIONER_UNAVAILABLE"}
					""", read.etag()).status()).isEqualTo(200);
		}
	}

	private static String practitionerOpenEveryDay() {
		Gateway.Answer partner = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.post("/api/partners", """
					{"name": "Clinique des Deux Rives", "kind": "CLINIC", "country": "FR", "city": "Lyon",
					 "timeZone": "Europe/Paris", "specialties": ["cardiology"], "languages": ["fr"]}
					"""), (answer) -> answer.status() == 201);
		Gateway.Answer practitioner = coordinator
			.post("/api/partners/" + partner.body().path("id").asString() + "/practitioners", """
					{"name": "Dr Karim Belkacem", "specialties": ["cardiology"], "languages": ["fr"]}
					""");
		assertThat(practitioner.status()).isEqualTo(201);
		String practitionerId = practitioner.body().path("id").asString();
		String availability = "/api/schedules/" + practitionerId + "/availability";
		Gateway.Answer schedule = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.get(availability), (answer) -> answer.status() == 200);
		String rules = Arrays.stream(DayOfWeek.values())
			.map((day) -> """
					{"day": "%s", "start": "00:00", "end": "23:30", "modes": ["IN_PERSON"], "validFrom": "%s"}"""
				.formatted(day, LocalDate.now(PARIS).minusDays(1)))
			.collect(Collectors.joining(", "));
		Gateway.Answer opened = coordinator.put(availability, """
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": [%s]}
				""".formatted(rules), schedule.etag());
		assertThat(opened.status()).isEqualTo(200);
		return practitionerId;
	}

	/** Patients registered through the gateway, once scheduling-service knows them. */
	private static List<String> knownPatients() throws SQLException {
		List<String> patients = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			Gateway.Answer created = coordinator.post("/api/patients", """
					{"givenName": "Inès", "familyName": "Durand-%d", "birthDate": "1970-01-0%d", "sex": "FEMALE",
					 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}
					""".formatted(i, i + 1));
			assertThat(created.status()).isEqualTo(201);
			patients.add(created.body().path("id").asString());
		}
		try (Connection scheduling = schedulingDatabase()) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> countOf(scheduling, "select count(*) from known_patient where id = any(?::uuid[])",
						patients) == PATIENTS);
		}
		return patients;
	}

	private static Connection schedulingDatabase() throws SQLException {
		String url = admin.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + prefix + "scheduling");
		return DriverManager.getConnection(url, admin.username(), admin.password());
	}

	private static long overlaps(Connection scheduling, String practitionerId) throws SQLException {
		return countOf(scheduling, """
				select count(*) from booking a join booking b
				  on a.practitioner_id = b.practitioner_id and a.id < b.id and a.during && b.during
				where a.practitioner_id = ?::uuid
				  and a.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				  and b.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
				""", practitionerId);
	}

	private static Set<String> bookingIds(Connection scheduling, String practitionerId) throws SQLException {
		try (PreparedStatement statement = scheduling
			.prepareStatement("select id from booking where practitioner_id = ?::uuid and kind = 'APPOINTMENT'")) {
			statement.setString(1, practitionerId);
			Set<String> ids = new HashSet<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getString(1));
				}
			}
			return ids;
		}
	}

	/** The keys stored with their answer, which a retry under the key replays. */
	private static long storedKeys(Connection scheduling, Set<String> keys) throws SQLException {
		return countOf(scheduling,
				"select count(*) from parcours_platform.idempotent_request where key = any(?) and status is not null",
				List.copyOf(keys));
	}

	private static long countOf(Connection connection, String sql, Object parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter instanceof List<?> list) {
				statement.setArray(1, connection.createArrayOf("text", list.toArray()));
			}
			else {
				statement.setString(1, (String) parameter);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * The scheduling topic from its beginning, in each partition's order, kept for the
	 * given aggregates; read until every one of them has its booked event and the end of
	 * the topic is reached.
	 */
	private static Map<String, List<JsonNode>> eventsBySubject(Set<String> subjects) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		Map<String, List<JsonNode>> events = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(SCHEDULING_TOPIC)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode event = JSON.readTree(record.value());
					String subject = event.path("subject").asString();
					if (subjects.contains(subject)) {
						events.computeIfAbsent(subject, (key) -> new ArrayList<>()).add(event);
					}
				}
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				boolean atEnd = partitions.stream()
					.allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
				boolean allBooked = subjects.stream()
					.allMatch((subject) -> events.getOrDefault(subject, List.of())
						.stream()
						.anyMatch((event) -> event.path("type").asString().equals(BOOKED)));
				return atEnd && allBooked;
			});
		}
		return events;
	}

}
