package care.parcours.system.scenarios;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import care.parcours.local.KafkaSource;
import care.parcours.local.LocalPlatform;
import care.parcours.local.PortPlan;
import care.parcours.local.PostgresSource;
import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service and of the authorization server behind two gateways, on
 * one database per service and one Kafka, under concurrent clients. What a user would
 * notice, checked by SQL and on the topics:
 * <ul>
 * <li>a login begun on one authorization server ends on the other;</li>
 * <li>a client spread over both gateways is refused at one limit, kept in Redis;</li>
 * <li>held slots lapse once, though both scheduling-service instances look for them;</li>
 * <li>bookings never collide and each {@code Idempotency-Key} has one effect, whichever
 * instance takes it; each change is published once, in order; partner-service's two
 * instances split the scheduling topic's partitions and turn each event into one webhook
 * delivery, sent once;</li>
 * <li>one instance of every service (the issuer's own address among them) is killed
 * (SIGKILL) in the middle of bookings, registrations and logins, whose clients retry:
 * every write a client was told of is stored once with its events, the webhooks still go
 * out;</li>
 * <li>an instance started while the first authorization server is down takes its keys
 * from the other.</li>
 * </ul>
 * Small on purpose (two practitioners' day, a few hundred requests): it runs beside the
 * other system tests on two cores. Its own platform, stopped after it; the other tests'
 * platform is stopped before it (twelve processes' connection pools beside that one's
 * would pass PostgreSQL's 100 connections). The methods run in order: the last ones kill
 * instances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final int CLIENTS = 6;

	private static final int PATIENTS = 6;

	// Fewer slots than attempts: clients compete for them.
	private static final int SLOTS = 16;

	private static final String BOOKED = "scheduling.appointment.booked.v1";

	private static final String CANCELLED = "scheduling.appointment.cancelled.v1";

	private static final String SCHEDULING_TOPIC = "parcours.scheduling.v1";

	/** A hold lasts this long unless the request asks otherwise. */
	private static final Duration HOLD = Duration.ofSeconds(3);

	private static RunningPlatform platform;

	private static TestPostgres.Database admin;

	private static String prefix;

	private static Gateway coordinator;

	private static String partnerId;

	private static String practitionerId;

	private static List<String> patients;

	/** Each attempt's key and what its clients were answered. */
	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

	/** Sends a client had to make again: a 5xx or 429 answer, or none at all. */
	private final AtomicInteger resent = new AtomicInteger();

	/** Which gateway the next send goes to: each in turn. */
	private final AtomicInteger turn = new AtomicInteger();

	@BeforeAll
	static void startTwoInstancesOfEach() throws Exception {
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
			.environment(Map.of(
					// Buckets of this run only, shared by its two gateways; 20 requests a
					// second per client, 40 at once, which two busy cores can exceed.
					"PARCOURS_GATEWAY_RATE_LIMITS_KEY_PREFIX", "parcours:rate-limit:" + prefix,
					"PARCOURS_GATEWAY_RATE_LIMITS_API_REPLENISH_RATE", "20",
					"PARCOURS_GATEWAY_RATE_LIMITS_API_BURST_CAPACITY", "40",
					// Holds that lapse during the test, looked for often by both
					// instances.
					"PARCOURS_SCHEDULING_HOLD_DURATION", HOLD.toMillis() + "ms",
					"PARCOURS_SCHEDULING_HOLD_EXPIRY_INTERVAL", "300ms",
					// A killed consumer's partitions go to the other instance after 10 s,
					// not Kafka's default 45.
					"SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "10000"))
			// Twelve JVMs starting on two cores.
			.readinessTimeout(Duration.ofMinutes(8))
			.build()
			.start();
		platform.start(ServiceName.GATEWAY, 2);
		coordinator = new Gateway(platform.url(ServiceName.GATEWAY), "coordinator");
		practitionerOpenEveryDay();
		patients = knownPatients();
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
	@Order(1)
	void aLoginBegunOnOneAuthorizationServerEndsOnTheOther() throws Exception {
		URI first = platform.url(ServiceName.AUTH, 1);
		URI second = platform.url(ServiceName.AUTH, 2);
		List<String> tokens = new CopyOnWriteArrayList<>();
		runConcurrently(IntStream.range(0, 8).boxed().toList(), (i) -> tokens.add(new LoginBrowser()
			.logIn("coordinator", "coordinator-demo", (i % 2 == 0) ? first : second, (i % 2 == 0) ? second : first)));

		assertThat(tokens).hasSize(8);
		for (String token : tokens) {
			for (int gateway = 1; gateway <= 2; gateway++) {
				assertThat(gateway(gateway).withToken(token).get("/api/appointments/" + UUID.randomUUID()).status())
					.as("the token at gateway %d", gateway)
					.isEqualTo(404);
			}
		}
	}

	@Test
	@Order(2)
	void aClientSpreadOverBothGatewaysIsRefusedAtOneSharedLimit() throws Exception {
		// Its own client: the limit is per client, 40 at once and 20 a second here.
		Gateway first = new Gateway(gateway(1).base(), "assistant");
		Gateway second = first.at(gateway(2).base());
		String path = "/api/appointments/" + UUID.randomUUID();
		// Four clients of the first gateway empty the bucket, then keep it empty.
		AtomicInteger passedFirst = new AtomicInteger();
		AtomicInteger refusedByFirst = new AtomicInteger();
		AtomicBoolean draining = new AtomicBoolean(true);
		ExecutorService drainers = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			drainers.execute(() -> {
				while (draining.get()) {
					try {
						(first.get(path).status() == 429 ? refusedByFirst : passedFirst).incrementAndGet();
					}
					catch (RuntimeException ex) {
						// A request cut off: the next one counts.
					}
				}
			});
		}
		AtomicInteger refusedBySecond = new AtomicInteger();
		AtomicInteger passedSecond = new AtomicInteger();
		int passedBeforeEmpty;
		try {
			await().atMost(Duration.ofMinutes(2)).until(() -> refusedByFirst.get() > 0);
			passedBeforeEmpty = passedFirst.get();
			// A bucket of its own on the second gateway would let 40 of these 80 through
			// at once, and more as it refills; sharing the empty one, they get part of
			// what refills meanwhile, the first gateway's clients taking their share.
			runConcurrently(IntStream.range(0, 80).boxed().toList(),
					(i) -> (second.get(path).status() == 429 ? refusedBySecond : passedSecond).incrementAndGet());
		}
		finally {
			draining.set(false);
			drainers.shutdown();
			drainers.awaitTermination(30, TimeUnit.SECONDS);
		}

		System.out.printf(
				"SeveralInstancesIT: the first gateway let %d requests through before refusing; then the"
						+ " second refused %d of 80 and let %d through%n",
				passedBeforeEmpty, refusedBySecond.get(), passedSecond.get());
		assertThat(passedBeforeEmpty).as("the bucket's burst, taken through the first gateway")
			.isGreaterThanOrEqualTo(40);
		assertThat(refusedBySecond.get()).as("refused by the second gateway").isGreaterThan(passedSecond.get());
	}

	@Test
	@Order(3)
	void heldSlotsLapseOnceThoughBothInstancesLookForThem() throws Exception {
		Instant first = LocalDate.now(PARIS).plusDays(9).atTime(8, 0).atZone(PARIS).toInstant();
		List<String> holds = new CopyOnWriteArrayList<>();
		runConcurrently(IntStream.range(0, 12).boxed().toList(), (i) -> {
			Gateway.Answer held = coordinator.at(platform.url(ServiceName.SCHEDULING, 1 + i % 2))
				.post("/api/slots/holds", """
						{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "consultation",
						 "mode": "IN_PERSON"}
						""".formatted(practitionerId, patients.get(i % PATIENTS),
						first.plus(Duration.ofMinutes(30L * i))));
			assertThat(held.status()).as("%s", held.body()).isEqualTo(201);
			holds.add(held.body().path("id").asString());
		});

		try (Sql scheduling = Sql.of(admin, prefix, "scheduling")) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> scheduling
					.count("select count(*) from booking where id = any(?::uuid[]) and status = 'EXPIRED'", holds),
						(expired) -> expired == holds.size());
		}
		List<JsonNode> events = TopicEvents.read(TestKafka.bootstrapServers(), SCHEDULING_TOPIC,
				(read) -> holds.stream().allMatch((hold) -> read.stream().anyMatch((event) -> lapsed(event, hold))));
		for (String hold : holds) {
			assertThat(events.stream().filter((event) -> lapsed(event, hold))).as("lapses of hold %s", hold).hasSize(1);
		}
	}

	private static boolean lapsed(JsonNode event, String hold) {
		return TopicEvents.is(event, "scheduling.slot.released.v1", "holdId", hold)
				&& event.path("data").path("reason").asString().equals("EXPIRED");
	}

	@Test
	@Order(4)
	void writesOnTwoInstancesHaveOneEffectEachAndSurviveAKilledInstanceOfEachService() throws Exception {
		List<Instant> starts = new ArrayList<>();
		Instant first = LocalDate.now(PARIS).plusDays(3).atTime(8, 0).atZone(PARIS).toInstant();
		for (int i = 0; i < SLOTS; i++) {
			starts.add(first.plus(Duration.ofMinutes(30L * i)));
		}
		Gateway scheduling1 = coordinator.at(platform.url(ServiceName.SCHEDULING, 1));
		Gateway scheduling2 = coordinator.at(platform.url(ServiceName.SCHEDULING, 2));
		Random random = new Random(20);
		try (WebhookReceiver clinic = WebhookReceiver.start()) {
			Gateway.Answer endpoint = coordinator.as("admin").post("/api/partners/" + partnerId + "/webhooks", """
					{"url": "%s", "description": "front desk", "eventTypes": ["%s", "%s"]}
					""".formatted(clinic.url(), BOOKED, CANCELLED));
			assertThat(endpoint.status()).as("%s", endpoint.body()).isEqualTo(201);
			String endpointId = endpoint.body().path("id").asString();

			// Two instances of everything: each booking also sent at once to both
			// scheduling-service instances under the same key.
			List<Attempt> calm = attempts(random, 48, starts);
			runConcurrently(calm, (attempt) -> {
				book(attempt);
				sendToBothInstances(attempt, scheduling1, scheduling2);
			});
			assertThat(outcomes.values().stream().filter(Outcome::booked)).as("some bookings went through")
				.isNotEmpty();
			cancelSome(4);
			partnerServiceInstancesSplitTheSchedulingTopic();
			long calmEvents = outcomes.values().stream().filter(Outcome::booked).count() + 4;
			List<String> sentOnceBeforeTheKills = deliveredOnceEach(endpointId, calmEvents, clinic);

			Storm storm = stormWithAKilledInstanceOfEach(
					attempts(random, 48, starts.stream().map((start) -> start.plus(Duration.ofDays(1))).toList()));

			Map<String, String> bookedByKey = new HashMap<>();
			outcomes.forEach((key, outcome) -> {
				if (outcome.booked()) {
					bookedByKey.put(key, outcome.bookingId());
				}
			});
			bookingsNeverCollideAndEachKeyHadOneEffect(bookedByKey);
			List<JsonNode> events = eachBookingPublishedOnceInOrder(new HashSet<>(bookedByKey.values()));
			storm.acknowledgedWritesAreStoredOnceWithTheirEvents();
			List<String> deliveries = everyEventOfTheClinicDeliveredFromOneDelivery(endpointId, events, clinic);
			System.out.printf(
					"SeveralInstancesIT: %d attempts, %d booked, %d events, %d webhook deliveries (%d sent once"
							+ " before the kills, %d received more than once after); %d sends were made again;"
							+ " %.0f events redelivered to the surviving instances and skipped as handled%n",
					outcomes.size(), bookedByKey.size(), events.size(), deliveries.size(),
					sentOnceBeforeTheKills.size(), receivedMoreThanOnce(clinic), resent.get(), redeliveredAndSkipped());
		}
	}

	@Test
	@Order(5)
	void instancesStartedWhileTheFirstAuthorizationServerIsDownTakeTheKeysOfAnother() {
		platform.kill(ServiceName.AUTH, 1);
		platform.kill(ServiceName.SCHEDULING, 2);
		platform.kill(ServiceName.GATEWAY, 2);
		platform.start(ServiceName.SCHEDULING, 2);
		platform.start(ServiceName.GATEWAY, 2);

		// A token the second authorization server signs: the first is down.
		Gateway signedBySecond = new Gateway(gateway(1).base(), "coordinator");
		String unknown = "/api/appointments/" + UUID.randomUUID();
		assertThat(signedBySecond.at(platform.url(ServiceName.SCHEDULING, 2)).get(unknown).status())
			.as("scheduling-service-2, its keys not fetched yet")
			.isEqualTo(404);
		assertThat(signedBySecond.at(gateway(2).base()).get(unknown).status()).as("gateway-2, its keys not fetched yet")
			.isEqualTo(404);
	}

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

	private static List<Attempt> attempts(Random random, int count, List<Instant> starts) {
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

	private static <T> void runConcurrently(List<T> tasks, java.util.function.Consumer<T> each) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			CompletableFuture
				.allOf(tasks.stream()
					.map((task) -> CompletableFuture.runAsync(() -> each.accept(task), pool))
					.toArray(CompletableFuture[]::new))
				.get();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Instance 1 or 2 of the gateway, as the coordinator. */
	private static Gateway gateway(int instance) {
		return coordinator.at(platform.url(ServiceName.GATEWAY, instance));
	}

	/**
	 * Sends until a definitive answer comes, to each gateway in turn, as a client behind
	 * a load balancer whose request failed or went unanswered does.
	 */
	private Gateway.Answer untilDefinitive(Gateway client, Function<Gateway, Gateway.Answer> request) {
		return await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				try {
					Gateway.Answer answer = request
						.apply(client.at(platform.url(ServiceName.GATEWAY, 1 + this.turn.getAndIncrement() % 2)));
					if (!definitive(answer)) {
						this.resent.incrementAndGet();
					}
					return answer;
				}
				catch (RuntimeException ex) {
					this.resent.incrementAndGet();
					throw ex;
				}
			}, SeveralInstancesIT::definitive);
	}

	/**
	 * Books under the attempt's key until the answer is definitive; then once more, which
	 * must replay the same answer.
	 */
	private void book(Attempt attempt) {
		Gateway.Answer answer = untilDefinitive(coordinator,
				(client) -> client.postOnce("/api/appointments", attempt.body(), attempt.key()));
		Outcome outcome = new Outcome(answer.status(), answer.body().path("id").asString());
		this.outcomes.put(attempt.key(), outcome);
		if (outcome.booked()) {
			Gateway.Answer again = untilDefinitive(coordinator,
					(client) -> client.postOnce("/api/appointments", attempt.body(), attempt.key()));
			assertThat(again.status()).as("replay of %s", attempt.key()).isEqualTo(201);
			assertThat(again.body().path("id").asString()).isEqualTo(outcome.bookingId());
		}
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
	 * Anything but a failure of the platform (5xx) or a refusal to wait for (429): those
	 * the client retries under the same key.
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

	/**
	 * Both instances of partner-service in their consumer group, each with partitions of
	 * the scheduling topic, none with the same.
	 */
	private static void partnerServiceInstancesSplitTheSchedulingTopic() {
		try (Admin kafka = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			List<Set<TopicPartition>> assignments = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> kafka.describeConsumerGroups(List.of("partner-service"))
					.all()
					.get()
					.get("partner-service")
					.members()
					.stream()
					.map(MemberDescription::assignment)
					.map((assignment) -> assignment.topicPartitions()
						.stream()
						.filter((partition) -> partition.topic().equals(SCHEDULING_TOPIC))
						.collect(Collectors.toSet()))
					.toList(), (members) -> members.size() == 2 && members.stream().noneMatch(Set::isEmpty));
			assertThat(Collections.disjoint(assignments.get(0), assignments.get(1))).isTrue();
		}
	}

	/**
	 * Waits until each of the events so far (bookings and cancellations) was delivered,
	 * and returns the deliveries' ids, each received once.
	 */
	private static List<String> deliveredOnceEach(String endpointId, long events, WebhookReceiver clinic) {
		try (Sql partner = Sql.of(admin, prefix, "partner")) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> partner.count(
						"select count(*) from webhook_delivery where endpoint_id = ?::uuid and status = 'DELIVERED'",
						endpointId) == events);
			List<String> delivered = partner.strings("select id from webhook_delivery where endpoint_id = ?::uuid",
					endpointId);
			assertThat(delivered).as("deliveries so far").isNotEmpty();
			List<String> received = clinic.received().stream().map(WebhookReceiver.Message::id).toList();
			assertThat(received).as("webhooks received once each").containsExactlyInAnyOrderElementsOf(delivered);
			return delivered;
		}
	}

	private void bookingsNeverCollideAndEachKeyHadOneEffect(Map<String, String> bookedByKey) {
		try (Sql scheduling = Sql.of(admin, prefix, "scheduling")) {
			assertThat(scheduling.count("""
					select count(*) from booking a join booking b
					  on a.practitioner_id = b.practitioner_id and a.id < b.id and a.during && b.during
					where a.practitioner_id = ?::uuid
					  and a.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
					  and b.status in ('HELD', 'BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')
					""", practitionerId)).as("overlapping bookings").isZero();
			// Every 201 is a booking, and nothing else is: a key with two effects would
			// leave a booking no client was told of.
			assertThat(scheduling.strings(
					"select id from booking where practitioner_id = ?::uuid and kind = 'APPOINTMENT'", practitionerId))
				.containsExactlyInAnyOrderElementsOf(new HashSet<>(bookedByKey.values()));
			assertThat(bookedByKey.values()).doesNotHaveDuplicates();
			assertThat(scheduling.count(
					"select count(*) from parcours_platform.idempotent_request where key = any(?) and status is not null",
					bookedByKey.keySet()))
				.as("keys stored with their answer")
				.isEqualTo(bookedByKey.size());
		}
	}

	/** Each booking's events on the topic once each, its versions in order. */
	private static List<JsonNode> eachBookingPublishedOnceInOrder(Set<String> bookings) {
		List<JsonNode> events = TopicEvents
			.read(TestKafka.bootstrapServers(), SCHEDULING_TOPIC,
					(read) -> bookings.stream()
						.allMatch((booking) -> read.stream()
							.anyMatch((event) -> event.path("subject").asString().equals(booking)
									&& event.path("type").asString().equals(BOOKED))))
			.stream()
			.filter((event) -> bookings.contains(event.path("subject").asString()))
			.toList();
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
		assertThat(events.stream().map((event) -> event.path("id").asString())).as("event ids").doesNotHaveDuplicates();
		assertThat(bySubject.values()
			.stream()
			.filter((ofBooking) -> ofBooking.stream()
				.anyMatch((event) -> event.path("type").asString().equals(CANCELLED))))
			.hasSize(4);
		return events;
	}

	/**
	 * Every booked or cancelled event of the clinic's practitioner became one delivery,
	 * sent; the kills may have had one sent twice (a partner-service instance dying
	 * between sending and recording it), never none.
	 */
	private static List<String> everyEventOfTheClinicDeliveredFromOneDelivery(String endpointId, List<JsonNode> events,
			WebhookReceiver clinic) {
		List<String> eventIds = events.stream()
			.filter((event) -> List.of(BOOKED, CANCELLED).contains(event.path("type").asString()))
			.map((event) -> event.path("id").asString())
			.toList();
		try (Sql partner = Sql.of(admin, prefix, "partner")) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> partner.count("""
					select count(*) from webhook_delivery
					where endpoint_id = ?::uuid and event_id = any(?) and status = 'DELIVERED'
					""", endpointId, eventIds) == eventIds.size());
			assertThat(partner.strings("select event_id from webhook_delivery where endpoint_id = ?::uuid", endpointId))
				.as("one delivery per event")
				.containsExactlyInAnyOrderElementsOf(eventIds);
			List<String> deliveries = partner.strings("select id from webhook_delivery where endpoint_id = ?::uuid",
					endpointId);
			assertThat(clinic.received().stream().map(WebhookReceiver.Message::id).collect(Collectors.toSet()))
				.as("deliveries received")
				.containsExactlyInAnyOrderElementsOf(deliveries);
			return deliveries;
		}
	}

	/**
	 * The events the first instances of the services received again and skipped, having
	 * handled them (their consumers' metrics): a killed instance's uncommitted ones.
	 */
	private static double redeliveredAndSkipped() {
		double skipped = 0;
		for (ServiceName service : ServiceName.backends()) {
			Gateway.Answer metrics = coordinator.at(platform.url(service, 1)).getAnonymously("/actuator/prometheus");
			skipped += new String(metrics.bytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> line.startsWith("parcours_events_consumed_total{")
						&& line.contains("outcome=\"duplicate\""))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		return skipped;
	}

	private static long receivedMoreThanOnce(WebhookReceiver clinic) {
		return clinic.received()
			.stream()
			.collect(Collectors.groupingBy(WebhookReceiver.Message::id, Collectors.counting()))
			.values()
			.stream()
			.filter((count) -> count > 1)
			.count();
	}

	/**
	 * Bookings, patients, practitioners, catalogue items and logins from concurrent
	 * clients through both gateways; one instance of each service and the second gateway
	 * killed (SIGKILL) while they run, the first authorization server among them (whose
	 * address is the issuer's). Returns what the clients were told.
	 */
	private Storm stormWithAKilledInstanceOfEach(List<Attempt> bookings) throws Exception {
		Storm storm = new Storm(UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
		List<Runnable> tasks = new ArrayList<>();
		bookings.forEach((attempt) -> tasks.add(() -> book(attempt)));
		IntStream.range(0, 12).forEach((i) -> tasks.add(() -> storm.registerPatient(i)));
		IntStream.range(0, 8).forEach((i) -> tasks.add(() -> storm.registerPractitioner(i)));
		IntStream.range(0, 8).forEach((i) -> tasks.add(() -> storm.defineItem(i)));
		IntStream.range(0, 4).forEach((i) -> tasks.add(storm::logIn));
		Collections.shuffle(tasks, new Random(5));
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<CompletableFuture<Void>> runs = tasks.stream().map((task) -> CompletableFuture.runAsync(() -> {
				task.run();
				done.incrementAndGet();
			}, pool)).toList();
			await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 16);
			for (ServiceName service : List.of(ServiceName.SCHEDULING, ServiceName.PARTNER, ServiceName.PATIENT,
					ServiceName.BILLING, ServiceName.GATEWAY)) {
				platform.kill(service, 2);
			}
			platform.kill(ServiceName.AUTH, 1);
			assertThat(done.get()).as("writes done when the instances were killed").isLessThan(tasks.size());
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdownNow();
		}
		return storm;
	}

	/** What the clients of the storm were told, and the checks of it. */
	private final class Storm {

		private final String run;

		private final List<String> patientsRegistered = new CopyOnWriteArrayList<>();

		private final List<String> practitionersRegistered = new CopyOnWriteArrayList<>();

		private final Map<String, String> itemsByKey = new ConcurrentHashMap<>();

		private final List<String> tokens = new CopyOnWriteArrayList<>();

		private final Gateway billing = new Gateway(platform.url(ServiceName.GATEWAY), "billing");

		Storm(String run) {
			this.run = run;
			// Its token before the kills.
			this.billing.bearer();
		}

		void registerPatient(int i) {
			Gateway.Answer created = untilDefinitive(coordinator, (client) -> client.post("/api/patients", """
					{"givenName": "Nadia", "familyName": "Orage-%d", "birthDate": "1980-02-0%d", "sex": "FEMALE",
					 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"]}
					""".formatted(i, 1 + i % 9)));
			assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
			this.patientsRegistered.add(created.body().path("id").asString());
		}

		void registerPractitioner(int i) {
			Gateway.Answer created = untilDefinitive(coordinator,
					(client) -> client.post("/api/partners/" + partnerId + "/practitioners", """
							{"name": "Dr Orage %d", "specialties": ["cardiology"], "languages": ["fr"]}
							""".formatted(i)));
			assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
			this.practitionersRegistered.add(created.body().path("id").asString());
		}

		void defineItem(int i) {
			String key = "storm-item-" + UUID.randomUUID();
			Gateway.Answer created = untilDefinitive(this.billing,
					(client) -> client.postOnce("/api/catalogue/items", """
							{"kind": "HOTEL", "nomenclature": "PARCOURS", "code": "STORM-%s-%d",
							 "labels": {"fr": "Nuit d'hôtel", "en": "Hotel night", "nl": "Hotelnacht"}}
							""".formatted(this.run, i), key));
			assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
			this.itemsByKey.put(key, created.body().path("id").asString());
		}

		/** Through the gateways, which send each step to either authorization server. */
		void logIn() {
			this.tokens.add(await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> {
					URI gateway = gateway(1 + turn.getAndIncrement() % 2).base();
					return new LoginBrowser().logIn("coordinator", "coordinator-demo", gateway, gateway);
				}, (token) -> !token.isBlank()));
		}

		void acknowledgedWritesAreStoredOnceWithTheirEvents() {
			try (Sql patient = Sql.of(admin, prefix, "patient");
					Sql partner = Sql.of(admin, prefix, "partner");
					Sql billing = Sql.of(admin, prefix, "billing");
					Sql scheduling = Sql.of(admin, prefix, "scheduling")) {
				assertThat(patient.strings("select id from patient where id = any(?::uuid[])", this.patientsRegistered))
					.containsExactlyInAnyOrderElementsOf(this.patientsRegistered);
				assertThat(partner.strings("select id from practitioner where id = any(?::uuid[])",
						this.practitionersRegistered))
					.containsExactlyInAnyOrderElementsOf(this.practitionersRegistered);
				// Each key one item, and no item without a key's answer.
				assertThat(
						billing.strings("select id from billable_item where code like ?", "STORM-" + this.run + "-%"))
					.containsExactlyInAnyOrderElementsOf(this.itemsByKey.values());
				// The consumers of the killed instances' partitions caught up.
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> scheduling.count("select count(*) from known_patient where id = any(?::uuid[])",
							this.patientsRegistered) == this.patientsRegistered.size());
			}
			publishedOnce("parcours.patient.v1", "patient.patient.registered.v1", "patientId", this.patientsRegistered);
			publishedOnce("parcours.partner.v1", "partner.practitioner.registered.v1", "practitionerId",
					this.practitionersRegistered);
			assertThat(this.tokens).hasSize(4);
			for (String token : this.tokens) {
				assertThat(gateway(1).withToken(token).get("/api/appointments/" + UUID.randomUUID()).status())
					.isEqualTo(404);
			}
		}

		private static void publishedOnce(String topic, String type, String field, List<String> ids) {
			List<JsonNode> events = TopicEvents.read(TestKafka.bootstrapServers(), topic, (read) -> ids.stream()
				.allMatch((id) -> read.stream().anyMatch((event) -> TopicEvents.is(event, type, field, id))));
			for (String id : ids) {
				assertThat(events.stream().filter((event) -> TopicEvents.is(event, type, field, id)))
					.as("%s of %s", type, id)
					.hasSize(1);
			}
		}

	}

	private static void practitionerOpenEveryDay() {
		Gateway.Answer partner = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.post("/api/partners", """
					{"name": "Clinique des Deux Rives", "kind": "CLINIC", "country": "FR", "city": "Lyon",
					 "timeZone": "Europe/Paris", "specialties": ["cardiology"], "languages": ["fr"]}
					"""), (answer) -> answer.status() == 201);
		partnerId = partner.body().path("id").asString();
		Gateway.Answer practitioner = coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Karim Belkacem", "specialties": ["cardiology"], "languages": ["fr"]}
				""");
		assertThat(practitioner.status()).isEqualTo(201);
		practitionerId = practitioner.body().path("id").asString();
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
	}

	/** Patients registered through the gateway, once scheduling-service knows them. */
	private static List<String> knownPatients() {
		List<String> registered = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			Gateway.Answer created = coordinator.post("/api/patients", """
					{"givenName": "Inès", "familyName": "Durand-%d", "birthDate": "1970-01-0%d", "sex": "FEMALE",
					 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}
					""".formatted(i, i + 1));
			assertThat(created.status()).isEqualTo(201);
			registered.add(created.body().path("id").asString());
		}
		try (Sql scheduling = Sql.of(admin, prefix, "scheduling")) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> scheduling.count("select count(*) from known_patient where id = any(?::uuid[])",
						registered) == PATIENTS);
		}
		return registered;
	}

}
