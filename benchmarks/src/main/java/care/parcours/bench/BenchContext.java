package care.parcours.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.parcours.local.KafkaSource;
import care.parcours.local.LocalPlatform;
import care.parcours.local.PortPlan;
import care.parcours.local.PostgresSource;
import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

/**
 * What a benchmark runs against: the PostgreSQL server of {@code PARCOURS_DB_URL} (else
 * 127.0.0.1:5432, user postgres), an in-process Kafka broker, and the services it asks
 * for, started from their jars on free ports with databases of their own that are dropped
 * at the end.
 */
public final class BenchContext implements AutoCloseable {

	private final Path root;

	private final Map<String, String> options;

	/**
	 * What the names of this run's databases start with: one run per JVM, so that runs
	 * side by side on one server neither meet nor drop each other's.
	 */
	static final String DATABASE_PREFIX = "bench_" + ProcessHandle.current().pid() + "_";

	private final String prefix = DATABASE_PREFIX;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final BenchTokens tokens = new BenchTokens();

	// Signed once: seeding loops ask for it per request, and an RSA signature each time
	// would be work the benchmark does not mean to measure.
	private final String defaultBearer = tokens.bearer("bench");

	BenchContext(Path root, Map<String, String> options) {
		this.root = root;
		this.options = Map.copyOf(options);
	}

	/** The repository's root directory. */
	public Path root() {
		return root;
	}

	public String option(String name, String fallback) {
		return options.getOrDefault(name, fallback);
	}

	public int option(String name, int fallback) {
		return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
	}

	public Duration option(String name, Duration fallback) {
		return options.containsKey(name) ? Duration.parse("PT" + options.get(name).toUpperCase()) : fallback;
	}

	/** The administrative JDBC URL of the server the services' databases live on. */
	public String adminJdbcUrl() {
		return System.getenv().getOrDefault("PARCOURS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
	}

	public String dbUser() {
		return System.getenv().getOrDefault("PARCOURS_DB_USER", "postgres");
	}

	public String dbPassword() {
		return System.getenv().getOrDefault("PARCOURS_DB_PASSWORD", "");
	}

	/** The JDBC URL of a service's database in this run. */
	public String jdbcUrl(ServiceName service) {
		String admin = adminJdbcUrl();
		String base = admin.contains("?") ? admin.substring(0, admin.indexOf('?')) : admin;
		return base.substring(0, base.lastIndexOf('/') + 1) + service.databaseName(prefix).orElseThrow();
	}

	public Connection connect(ServiceName service) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(service), dbUser(), dbPassword());
	}

	/**
	 * An {@code Authorization} header value the services of this run accept, all staff
	 * roles, for a client of its own (a bucket of its own at the gateway).
	 */
	public String bearer(String clientId) {
		return tokens.bearer(clientId);
	}

	/**
	 * An {@code Authorization} header value the services of this run accept, with these
	 * roles only, for a client of its own.
	 */
	public String bearer(String clientId, List<String> roles) {
		return tokens.bearer(clientId, roles);
	}

	/**
	 * An {@code Authorization} header value the services of this run accept, all staff
	 * roles.
	 */
	public String bearer() {
		return defaultBearer;
	}

	/** Starts the given services (and Kafka) for this run, trusting the run's tokens. */
	public RunningPlatform start(Set<ServiceName> services) throws IOException {
		return start(services, Map.of());
	}

	/** As {@link #start(Set)}, with more environment variables for every service. */
	public RunningPlatform start(Set<ServiceName> services, Map<String, String> environment) throws IOException {
		return start(services, environment, 1);
	}

	/**
	 * As {@link #start(Set, Map)}, with this many instances of each service started (see
	 * {@code LocalPlatform.Builder#instances}).
	 */
	public RunningPlatform start(Set<ServiceName> services, Map<String, String> environment, int instances)
			throws IOException {
		Map<String, String> variables = new LinkedHashMap<>(tokens.environment());
		variables.putAll(environment);
		Path kafkaLog = Files.createTempDirectory("parcours-bench-kafka");
		RunningPlatform platform = LocalPlatform.builder(root)
			.postgres(PostgresSource.server(adminJdbcUrl(), dbUser(), dbPassword()))
			.kafka(KafkaSource.embedded(kafkaLog, 0))
			.ports(PortPlan.random())
			.databasePrefix(prefix)
			.services(services)
			.instances(instances)
			.jvmOptions(jvmOptions())
			.environment(variables)
			.logDirectory(root.resolve("benchmarks/target/logs"))
			.build()
			.start();
		started.add(platform);
		return platform;
	}

	/**
	 * Starts the bare gateway (module {@code benchmarks/bare-gateway}) in front of the
	 * given service, with the services' JVM options; stopped at the end of the run.
	 */
	GatewayProcess startBareGateway(java.net.URI service) throws IOException, InterruptedException {
		GatewayProcess bare = GatewayProcess.start(root.resolve("benchmarks/bare-gateway/target/bare-gateway.jar"),
				service, jvmOptions(), Map.of(), root.resolve("benchmarks/target/logs/bare-gateway.log"));
		started.add(bare);
		return bare;
	}

	/**
	 * Starts one more of our gateways in front of the given service, trusting the run's
	 * tokens, with more environment variables (how it differs from the platform's
	 * gateway); stopped at the end of the run.
	 */
	GatewayProcess startGateway(java.net.URI service, Map<String, String> environment, String name)
			throws IOException, InterruptedException {
		Map<String, String> variables = new LinkedHashMap<>(tokens.environment());
		variables.putAll(environment);
		GatewayProcess gateway = GatewayProcess.start(ServiceName.GATEWAY.jar(root), service, jvmOptions(), variables,
				root.resolve("benchmarks/target/logs/" + name + ".log"));
		started.add(gateway);
		return gateway;
	}

	/**
	 * Options of the services' JVMs; {@code --jfr} records a flight recording of each.
	 */
	private List<String> jvmOptions() {
		List<String> jvm = new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xmx1g"));
		if (options.containsKey("jfr")) {
			jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
			jvm.add("-XX:StartFlightRecording=dumponexit=true,settings=profile,filename="
					+ root.resolve("benchmarks/target"));
		}
		return jvm;
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : started.reversed()) {
			closeable.close();
		}
		try (Connection connection = DriverManager.getConnection(adminJdbcUrl(), dbUser(), dbPassword());
				Statement statement = connection.createStatement()) {
			for (ServiceName service : ServiceName.values()) {
				var name = service.databaseName(prefix);
				if (name.isPresent()) {
					statement.execute("drop database if exists " + name.get() + " with (force)");
				}
			}
		}
	}

}
