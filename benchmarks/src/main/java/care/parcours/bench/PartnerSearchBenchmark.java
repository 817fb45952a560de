package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench partner-search}: {@code GET /api/partners/search} over 5,000 partners
 * and 20,000 practitioners, a mix of six search shapes, closed loop with 1 and then 4
 * clients. The baseline is the same SQL statement run by PostgreSQL over JDBC with as
 * many clients, so the difference is what the service adds (HTTP, JSON, explanations).
 * Options: {@code --partners}, {@code --practitioners}, {@code --duration=20s},
 * {@code --warmup=10s}.
 */
final class PartnerSearchBenchmark implements Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "partner-search";
	}

	@Override
	public String description() {
		return "search p50/p95/p99 over 5,000 partners and 20,000 practitioners vs the same SQL over JDBC";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int partners = context.option("partners", 5_000);
		int practitioners = context.option("practitioners", 20_000);
		Duration duration = context.option("duration", Duration.ofSeconds(20));
		Duration warmup = context.option("warmup", Duration.ofSeconds(10));
		RunningPlatform platform = context.start(Set.of(ServiceName.PARTNER));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long seeding = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(
				context.jdbcUrl(ServiceName.PARTNER) + "?reWriteBatchedInserts=true", context.dbUser(),
				context.dbPassword())) {
			new PartnerDirectorySeed(today).write(connection, partners, practitioners);
		}
		System.out.printf("Seeded %,d partners and %,d practitioners in %.1f s%n", partners, practitioners,
				(System.nanoTime() - seeding) / 1e9);
		PartnerSearches searches = new PartnerSearches(today);
		URI service = platform.url(ServiceName.PARTNER);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		verifyTheBaselineIsTheServicesStatement(context, searches, http, service);

		String bearer = context.bearer();
		Client httpClient = (search, connection) -> {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(service.resolve("/api/partners/search?" + search.query()))
					.header("Authorization", bearer)
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(search.query() + " answered " + response.statusCode());
			}
		};
		Client sqlClient = (search, connection) -> ids(connection, search);
		run(context, searches, httpClient, 4, warmup, "warm-up");
		System.out.printf("%n%-34s %s%n", "", "search latency");
		for (int clients : new int[] { 1, 4 }) {
			Result viaHttp = run(context, searches, httpClient, clients, duration, "http");
			Result viaSql = run(context, searches, sqlClient, clients, duration, "sql");
			print("HTTP, " + clients + " client(s)", viaHttp);
			print("PostgreSQL alone, " + clients + " client(s)", viaSql);
			System.out.printf("%-34s p50 x%.1f, p95 x%.1f of PostgreSQL alone; %.0f vs %.0f searches/s%n", "  ratio",
					viaHttp.all().percentileMillis(50) / viaSql.all().percentileMillis(50),
					viaHttp.all().percentileMillis(95) / viaSql.all().percentileMillis(95), viaHttp.rate(),
					viaSql.rate());
			if (clients == 1) {
				viaHttp.byShape()
					.forEach((shape, latencies) -> System.out.printf("    %-30s %s%n", shape, latencies.summary()));
			}
		}
		System.out.println("\nTarget: HTTP p95 under 50 ms.");
	}

	@FunctionalInterface
	private interface Client {

		void search(PartnerSearches.Search search, Connection connection) throws Exception;

	}

	private record Result(Latencies all, Map<String, Latencies> byShape, double rate) {

	}

	/** Closed loop: each client sends its next search when the last one is answered. */
	private static Result run(BenchContext context, PartnerSearches searches, Client client, int clients,
			Duration duration, String label) throws Exception {
		Latencies all = new Latencies();
		Map<String, Latencies> byShape = new ConcurrentHashMap<>();
		long end = System.nanoTime() + duration.toNanos();
		Concurrently.run(clients, clients, c -> {
			Random random = new Random(label.hashCode() * 31L + c);
			try (Connection connection = context.connect(ServiceName.PARTNER)) {
				plannedForTheirValues(connection);
				for (int i = 0; System.nanoTime() < end; i++) {
					String shape = PartnerSearches.SHAPES.get(i % PartnerSearches.SHAPES.size());
					PartnerSearches.Search search = searches.next(shape, random);
					long started = System.nanoTime();
					client.search(search, connection);
					all.record(started);
					byShape.computeIfAbsent(shape, s -> new Latencies()).record(started);
				}
			}
			return c;
		});
		return new Result(all, new java.util.TreeMap<>(byShape), all.count() / (double) duration.toSeconds());
	}

	/** As the service plans its searches: for the values of each, never once for all. */
	private static void plannedForTheirValues(Connection connection) throws SQLException {
		try (java.sql.Statement statement = connection.createStatement()) {
			statement.execute("set plan_cache_mode = force_custom_plan");
		}
	}

	private static void print(String label, Result result) {
		System.out.printf("%-34s %s%n", label, result.all().summary());
	}

	/** The baseline must be the statement the service runs: same partners, same order. */
	private static void verifyTheBaselineIsTheServicesStatement(BenchContext context, PartnerSearches searches,
			HttpClient http, URI service) throws Exception {
		Random random = new Random(7);
		try (Connection connection = context.connect(ServiceName.PARTNER)) {
			for (String shape : PartnerSearches.SHAPES) {
				for (int i = 0; i < 3; i++) {
					PartnerSearches.Search search = searches.next(shape, random);
					JsonNode page = JSON.readTree(
							http.send(HttpRequest.newBuilder(service.resolve("/api/partners/search?" + search.query()))
								.header("Authorization", context.bearer())
								.build(), HttpResponse.BodyHandlers.ofString()).body());
					List<UUID> answered = new ArrayList<>();
					page.path("content")
						.forEach(match -> answered.add(UUID.fromString(match.path("partnerId").asString())));
					List<UUID> baseline = ids(connection, search);
					if (!answered.equals(baseline) || answered.isEmpty()) {
						throw new IllegalStateException("The baseline statement differs from the service's for "
								+ search.query() + ": " + answered + " vs " + baseline);
					}
				}
			}
		}
		System.out.println("Baseline statement returns the service's partners, in its order, for 18 searches");
	}

	private static List<UUID> ids(Connection connection, PartnerSearches.Search search) throws SQLException {
		PartnerSearches.Statement statement = PartnerSearches.statement(search.params());
		try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
			for (int i = 0; i < statement.params().size(); i++) {
				prepared.setObject(i + 1, statement.params().get(i));
			}
			List<UUID> ids = new ArrayList<>();
			try (ResultSet rs = prepared.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getObject("id", UUID.class));
				}
			}
			return ids;
		}
	}

}
