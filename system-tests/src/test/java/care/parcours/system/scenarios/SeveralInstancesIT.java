package care.parcours.system.scenarios;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
 * every write a client was told of is stored once with its events (a relay killed after
 * sending may leave the same event to be sent again: counted, skipped by consumers), the
 * webhooks still go out;</li>
 * <li>events sent again after that change nothing twice: no webhook delivery added or
 * sent again;</li>
 * <li>an instance started while the first authorization server is down takes its keys
 * from the other.</li>
 * </ul>
 * Small on purpose (two practitioners' day, a few hundred requests): it runs beside the
 * other system tests on two cores. Its own platform, stopped after it; the other tests'
 * platform is stopped before it (twelve processes' connection pools beside that one's
 * would pass PostgreSQL's 100 connections). The methods run in order: the last ones kill
 * instances.
 */
// After the tests that share the platform this one stops (see system-tests' pom).
@Order(Order.DEFAULT + 2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final int CLIENTS = 6;

	private static final int PATIENTS = 6;

	/** Clients emptying the rate limit's bucket through the first gateway. */
	private static final int DRAINERS = 8;

	// Fewer slots than attempts: clients compete for them.
	private static final int SLOTS = 16;

	/** How many bookings are cancelled. */
	private static final int CANCELLED = 4;

	private static final String SCHEDULING_TOPIC = ConcurrentBookings.SCHEDULING_TOPIC;

	/** A hold lasts this long unless the request asks otherwise. */
	private static final Duration HOLD = Duration.ofSeconds(3);

	private static RunningPlatform platform;

	private static TestPostgres.Database admin;

	private static String prefix;

	private static Gateway coordinator;

	private static String partnerId;

	private static String practitionerId;

	private static List<String> patients;

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
		// Clients of the first gateway empty the bucket, then keep it empty.
		AtomicInteger passedFirst = new AtomicInteger();
		AtomicInteger refusedByFirst = new AtomicInteger();
		AtomicBoolean draining = new AtomicBoolean(true);
		// Enough of them to take tokens faster than they refill on a busy machine.
		ExecutorService drainers = Executors.newFixedThreadPool(DRAINERS);
		for (int i = 0; i < DRAINERS; i++) {
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
			runConcurrently(IntStream.range(0, 80).boxed().toList(), 16,
					(i) -> (second.get(path).status() == 429 ? refusedBySecond : passedSecond).incrementAndGet());
		}
		finally {
			draining.set(false);
			drainers.shutdown();
			drainers.awaitTermination(30, TimeUnit.SECONDS);
		}

		System.out.printf(
				"SeveralInstancesIT: the first gateway let %d requests through before refusing (%d in all);"
						+ " then the second refused %d of 80 and let %d through%n",
				passedBeforeEmpty, passedFirst.get(), refusedBySecond.get(), passedSecond.get());
		// Counted once every drainer's answer is in: at the first refusal, answers of
		// requests let through just before it may still be on their way.
		assertThat(passedFirst.get()).as("the bucket's burst and more, taken through the first gateway")
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
		BothGateways gateways = new BothGateways(platform);
		ConcurrentBookings bookings = new ConcurrentBookings(gateways, coordinator, practitionerId, patients);
		List<Instant> starts = new ArrayList<>();
		Instant first = LocalDate.now(PARIS).plusDays(3).atTime(8, 0).atZone(PARIS).toInstant();
		for (int i = 0; i < SLOTS; i++) {
			starts.add(first.plus(Duration.ofMinutes(30L * i)));
		}
		Gateway scheduling1 = coordinator.at(platform.url(ServiceName.SCHEDULING, 1));
		Gateway scheduling2 = coordinator.at(platform.url(ServiceName.SCHEDULING, 2));
		Random random = new Random(20);
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			ClinicWebhooks clinic = ClinicWebhooks.register(coordinator.as("admin"), partnerId, receiver,
					() -> Sql.of(admin, prefix, "partner"));

			// Two instances of everything: each booking also sent at once to both
			// scheduling-service instances under the same key.
			runConcurrently(bookings.attempts(random, 48, starts), (attempt) -> {
				bookings.book(attempt);
				bookings.sendToBothInstances(attempt, scheduling1, scheduling2);
			});
			assertThat(bookings.bookedByKey()).as("some bookings went through").isNotEmpty();
			bookings.cancelSome(CANCELLED);
			ClinicWebhooks.partnerServiceInstancesSplitTheSchedulingTopic();
			List<String> sentOnceBeforeTheKills = clinic.deliveredOnceEach(bookings.bookedByKey().size() + CANCELLED);
			assertThat(bookings.published(CANCELLED).copies()).as("events sent twice while no instance died").isZero();

			StormWrites storm = new StormWrites(gateways, coordinator, partnerId);
			List<Runnable> writes = new ArrayList<>();
			bookings.attempts(random, 48, starts.stream().map((start) -> start.plus(Duration.ofDays(1))).toList())
				.forEach((attempt) -> writes.add(() -> bookings.book(attempt)));
			IntStream.range(0, 12).forEach((i) -> writes.add(() -> storm.registerPatient(i)));
			IntStream.range(0, 8).forEach((i) -> writes.add(() -> storm.registerPractitioner(i)));
			IntStream.range(0, 8).forEach((i) -> writes.add(() -> storm.defineItem(i)));
			IntStream.range(0, 4).forEach((i) -> writes.add(storm::logIn));
			Collections.shuffle(writes, new Random(5));
			runKillingAnInstanceOfEach(writes);

			try (Sql scheduling = Sql.of(admin, prefix, "scheduling")) {
				bookings.neverCollideWithOneEffectPerKey(scheduling);
			}
			ConcurrentBookings.Published published = bookings.published(CANCELLED);
			List<JsonNode> events = published.events();
			storm.acknowledgedWritesAreStoredOnceWithTheirEvents((service) -> Sql.of(admin, prefix, service));
			List<String> deliveries = clinic.everyEventDeliveredFromOneDelivery(events);
			double skippedAfterTheKills = skippedAsHandled(ServiceName.PARTNER);

			// Whether or not the kills made the broker redeliver anything, a redelivery
			// changes nothing twice: booked events sent again reach the surviving
			// partner-service, which skips them; no delivery is added or sent again.
			Set<String> sentAgain = events.stream()
				.filter((event) -> event.path("type").asString().equals(ConcurrentBookings.BOOKED))
				.limit(8)
				.map((event) -> event.path("id").asString())
				.collect(Collectors.toSet());
			long receivedMoreThanOnce = clinic.receivedMoreThanOnce();
			int copies = TopicEvents.sendAgain(TestKafka.bootstrapServers(), SCHEDULING_TOPIC, sentAgain);
			assertThat(copies).isEqualTo(sentAgain.size());
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> skippedAsHandled(ServiceName.PARTNER) >= skippedAfterTheKills + copies);
			assertThat(clinic.everyEventDeliveredFromOneDelivery(events)).as("deliveries after the events came again")
				.containsExactlyInAnyOrderElementsOf(deliveries);
			assertThat(clinic.receivedMoreThanOnce()).as("deliveries received more than once")
				.isEqualTo(receivedMoreThanOnce);
			System.out.printf("SeveralInstancesIT: %d attempts, %d booked, %d events (%d copies sent again by the relay"
					+ " after the kills), %d webhook deliveries (%d sent once before the kills, %d received"
					+ " more than once after); %d sends were made again; %.0f events skipped by the surviving"
					+ " partner-service as handled before, then %d more sent again by the test and" + " skipped%n",
					bookings.attempted(), bookings.bookedByKey().size(), events.size(), published.copies(),
					deliveries.size(), sentOnceBeforeTheKills.size(), receivedMoreThanOnce, gateways.resent(),
					skippedAfterTheKills, copies);
		}
	}

	/**
	 * Runs the writes from concurrent clients; once some are done, kills (SIGKILL) the
	 * second instance of each service and of the gateway, and the first authorization
	 * server (whose address is the issuer's), while the others run.
	 */
	private static void runKillingAnInstanceOfEach(List<Runnable> writes) throws Exception {
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<CompletableFuture<Void>> runs = writes.stream().map((write) -> CompletableFuture.runAsync(() -> {
				write.run();
				done.incrementAndGet();
			}, pool)).toList();
			await().atMost(Duration.ofMinutes(2)).until(() -> done.get() >= 16);
			for (ServiceName service : List.of(ServiceName.SCHEDULING, ServiceName.PARTNER, ServiceName.PATIENT,
					ServiceName.BILLING, ServiceName.GATEWAY)) {
				platform.kill(service, 2);
			}
			platform.kill(ServiceName.AUTH, 1);
			assertThat(done.get()).as("writes done when the instances were killed").isLessThan(writes.size());
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
		}
		finally {
			pool.shutdownNow();
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

	private static <T> void runConcurrently(List<T> tasks, Consumer<T> each) throws Exception {
		runConcurrently(tasks, CLIENTS, each);
	}

	private static <T> void runConcurrently(List<T> tasks, int clients, Consumer<T> each) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
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
	 * The events the first instance of the service received again and skipped, having
	 * handled them (its consumers' metrics): a killed instance's uncommitted ones, copies
	 * a relay sent again.
	 */
	private static double skippedAsHandled(ServiceName service) {
		Gateway.Answer metrics = coordinator.at(platform.url(service, 1)).getAnonymously("/actuator/prometheus");
		return new String(metrics.bytes(), StandardCharsets.UTF_8).lines()
			.filter((line) -> line.startsWith("parcours_events_consumed_total{")
					&& line.contains("outcome=\"duplicate\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
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
		Availability.openEveryDay(coordinator, practitionerId, "00:00", "23:30", List.of("IN_PERSON"),
				LocalDate.now(PARIS).minusDays(1), """
						{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}""");
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
