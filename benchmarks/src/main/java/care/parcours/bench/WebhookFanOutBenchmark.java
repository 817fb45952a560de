package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench webhook-fan-out}: webhook deliveries to one endpoint per partner, 45
 * healthy endpoints alone (the baseline) against 45 healthy and 5 down (the figure). Two
 * measurements: appointment events published on Kafka as scheduling-service publishes
 * them, through the consumer that records deliveries and the dispatcher that sends them;
 * and the dispatcher alone draining a backlog queued at once. With per-endpoint
 * bulkheads, circuit breakers and timeouts, the 5 down partners should not slow the 45
 * others. The Kafka phases publish half the events per endpoint at a steady
 * {@code --rate} the consumer keeps up with, so that their latencies are not a queue's.
 * Options: {@code --events-per-endpoint=200}, {@code --rate=150},
 * {@code --down=hang|refuse}, {@code --patience=300s}.
 */
final class WebhookFanOutBenchmark implements Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BOOKED = AppointmentEvents.BOOKED;

	@Override
	public String name() {
		return "webhook-fan-out";
	}

	@Override
	public String description() {
		return "delivery rate to 50 webhook endpoints with 5 down vs 45 healthy endpoints alone";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int perEndpoint = context.option("events-per-endpoint", 200);
		int rate = context.option("rate", 150);
		String down = context.option("down", "hang");
		Duration patience = context.option("patience", Duration.ofSeconds(300));
		RunningPlatform platform = context.start(Set.of(ServiceName.PARTNER));
		URI service = platform.url(ServiceName.PARTNER);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String bearer = context.bearer();
		try (WebhookReceivers receivers = new WebhookReceivers();
				Seeder kafka = new Seeder(platform.kafkaBootstrapServers())) {
			List<UUID> warm = new ArrayList<>();
			List<UUID> alone = new ArrayList<>();
			List<UUID> healthy = new ArrayList<>();
			List<UUID> broken = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				warm.add(partnerWithEndpoint(http, service, bearer, receivers, receivers.healthyUrl(i)));
			}
			for (int i = 0; i < 45; i++) {
				alone.add(partnerWithEndpoint(http, service, bearer, receivers, receivers.healthyUrl(100 + i)));
			}
			for (int i = 0; i < 50; i++) {
				String url = i < 45 ? receivers.healthyUrl(200 + i) : receivers.downUrl(200 + i, down);
				(i < 45 ? healthy : broken).add(partnerWithEndpoint(http, service, bearer, receivers, url));
			}
			System.out.printf(
					"%d events per endpoint, down endpoints %s; partner-service defaults: timeout 10 s, "
							+ "4 requests in flight per endpoint, circuit opens at 50%% failures of 10 calls%n",
					perEndpoint, down.equals("hang") ? "never answer" : "refuse connections");
			phase("warm-up, 10 endpoints", warm.size() * 200, receivers, patience,
					() -> AppointmentEvents.publish(kafka, warm, List.of(), 200, 0));

			int paced = Math.max(1, perEndpoint / 2);
			List<Phase> pipeline = new ArrayList<>();
			List<String> dispatch = new ArrayList<>();
			for (String label : List.of("45 healthy alone, before", "45 healthy + 5 down", "45 healthy alone, after")) {
				boolean withDown = label.contains("down");
				Instant since = Instant.now();
				pipeline.add(phase(label, alone.size() * paced, receivers, patience, () -> AppointmentEvents
					.publish(kafka, withDown ? healthy : alone, withDown ? broken : List.of(), paced, rate)));
				try (Connection connection = context.connect(ServiceName.PARTNER)) {
					dispatch.add(DeliveryBacklog.recordedToDelivered(connection, withDown ? healthy : alone, since));
				}
			}
			List<Phase> backlog = new ArrayList<>();
			for (String label : List.of("45 healthy alone, before", "45 healthy + 5 down", "45 healthy alone, after")) {
				boolean withDown = label.contains("down");
				backlog.add(phase(label, alone.size() * perEndpoint, receivers, patience,
						() -> queue(context, withDown ? concat(healthy, broken) : alone, perEndpoint)));
			}

			System.out
				.printf("%nKafka -> consumer -> webhooks, %d events/s to the healthy endpoints (time from event to "
						+ "arrival)%n", rate);
			for (int p = 0; p < 3; p++) {
				pipeline.get(p).print();
				System.out.printf("%-28s %s%n", "  recorded to delivered", dispatch.get(p));
			}
			compare(pipeline);
			System.out.println("\nDispatcher alone, draining a backlog queued at once (time from due to arrival)");
			backlog.forEach(Phase::print);
			compare(backlog);
			try (Connection connection = context.connect(ServiceName.PARTNER)) {
				printDownEndpoints(connection, broken);
			}
			printMetrics(http, service);
		}
	}

	/** The phase with 5 down against the mean of the baselines before and after it. */
	private static void compare(List<Phase> phases) {
		Phase before = phases.get(0);
		Phase withDown = phases.get(1);
		Phase after = phases.get(2);
		System.out.printf(
				"%-28s rate x%.2f, p50 x%.2f, p95 x%.2f of the healthy endpoints alone (mean of before and "
						+ "after)%n",
				"  with 5 down", withDown.rate() / ((before.rate() + after.rate()) / 2),
				withDown.latencies().percentileMillis(50)
						/ ((before.latencies().percentileMillis(50) + after.latencies().percentileMillis(50)) / 2),
				withDown.latencies().percentileMillis(95)
						/ ((before.latencies().percentileMillis(95) + after.latencies().percentileMillis(95)) / 2));
	}

	private static List<UUID> concat(List<UUID> first, List<UUID> second) {
		List<UUID> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	@FunctionalInterface
	private interface Load {

		void start() throws Exception;

	}

	private record Phase(String label, int delivered, int expected, double seconds, Latencies latencies, int duplicates,
			int badSignatures) {

		double rate() {
			return delivered / seconds;
		}

		void print() {
			System.out.printf(
					"%-28s %,d/%,d delivered in %.1f s: %,.0f deliveries/s; event to receiver %s; "
							+ "%d duplicates, %d bad signatures%n",
					label, delivered, expected, seconds, rate(), latencies.summary(), duplicates, badSignatures);
		}

	}

	private static Phase phase(String label, int expected, WebhookReceivers receivers, Duration patience, Load load)
			throws Exception {
		receivers.reset();
		long started = System.nanoTime();
		load.start();
		long deadline = started + patience.toNanos();
		while (receivers.delivered() < expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		double seconds = (receivers.lastArrivalNanos() - started) / 1e9;
		return new Phase(label, receivers.delivered(), expected, seconds, receivers.endToEnd(), receivers.duplicates(),
				receivers.badSignatures());
	}

	/** Due a second later: every row is committed before the first falls due. */
	private static void queue(BenchContext context, List<UUID> partners, int perEndpoint) throws Exception {
		try (Connection connection = context.connect(ServiceName.PARTNER)) {
			DeliveryBacklog.queue(connection, partners, perEndpoint, Duration.ofSeconds(1));
		}
	}

	private static UUID partnerWithEndpoint(HttpClient http, URI service, String bearer, WebhookReceivers receivers,
			String url) throws Exception {
		JsonNode partner = post(http, bearer, service.resolve("/api/partners"),
				Map.of("name", "Bench " + UUID.randomUUID(), "kind", "CLINIC", "country", "FR", "city", "Lyon",
						"timeZone", "Europe/Paris", "specialties", List.of("orthopaedics"), "languages",
						List.of("fr")));
		UUID id = UUID.fromString(partner.path("id").asString());
		JsonNode endpoint = post(http, bearer, service.resolve("/api/partners/" + id + "/webhooks"),
				Map.of("url", url, "eventTypes", List.of(BOOKED)));
		if (url.contains("/hook/")) {
			receivers.secret(url, endpoint.path("secret").asString());
		}
		return id;
	}

	private static JsonNode post(HttpClient http, String bearer, URI uri, Map<String, Object> body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
			.header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private static void printDownEndpoints(Connection connection, List<UUID> broken) throws Exception {
		String ids = broken.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select count(*) filter (where d.status = 'PENDING'), count(*) filter (where d.status = 'DEAD'),
				       coalesce(sum(d.attempts), 0)
				from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where e.partner_id in (%s)""".formatted(ids))) {
			rs.next();
			System.out.printf("%-28s %,d deliveries pending, %,d dead, %,d attempts made so far (retried later)%n",
					"  the 5 down endpoints", rs.getLong(1), rs.getLong(2), rs.getLong(3));
		}
	}

	private static void printMetrics(HttpClient http, URI service) throws Exception {
		String metrics = http
			.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		metrics.lines()
			.filter(line -> line.startsWith("parcours_webhooks_postponed_total")
					|| (line.startsWith("parcours_webhooks_attempts_seconds_count")))
			.forEach(line -> System.out.println("  metric " + line));
	}

}
