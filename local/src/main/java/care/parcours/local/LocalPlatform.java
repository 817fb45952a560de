package care.parcours.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The whole platform on one machine: Kafka, PostgreSQL with a database per service, the
 * authorization server, the four services and the gateway, each service a
 * {@code java -jar} process of its built jar.
 *
 * <pre>
 * try (RunningPlatform platform = LocalPlatform.builder(repositoryRoot)
 * 		.postgres(PostgresSource.server(adminUrl, "postgres", ""))
 * 		.kafka(KafkaSource.external(bootstrapServers))
 * 		.ports(PortPlan.random())
 * 		.databasePrefix("systest_1234_")
 * 		.build()
 * 		.start()) {
 * 	URI gateway = platform.url(ServiceName.GATEWAY);
 * }
 * </pre>
 */
public final class LocalPlatform {

	/**
	 * Six JVMs share two cores on a laptop: C1 only and the serial collector start a
	 * service fastest and keep its footprint small; a local platform needs no peak
	 * throughput. Measured on two cores: the four services ready in about 19 s, against
	 * 35 s with the JVM's defaults.
	 */
	public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xss512k", "-Xmx512m");

	private static final Pattern DATABASE_PREFIX = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

	private final PlatformSettings settings;

	private LocalPlatform(PlatformSettings settings) {
		this.settings = settings;
	}

	/**
	 * A platform started from the jars under the repository's modules; by default as the
	 * local platform runs it: embedded Kafka and PostgreSQL with data under
	 * {@code .parcours/}, fixed ports, {@code parcours_} databases.
	 */
	public static Builder builder(Path repositoryRoot) {
		return new Builder(repositoryRoot.toAbsolutePath().normalize());
	}

	/**
	 * Starts PostgreSQL (creating the missing databases), Kafka, the services, then the
	 * gateway, and returns once every one is ready. On failure, or when the calling
	 * thread is interrupted, stops what it started and throws.
	 * @throws LocalPlatformException when a jar is missing, a port is taken, or a service
	 * exits or is not ready in time; the message says which and how to fix it
	 */
	public RunningPlatform start() {
		checkJarsExist();
		checkPortsFree();
		return Startup.run(this.settings);
	}

	private void checkJarsExist() {
		List<String> missing = this.settings.services()
			.stream()
			.map((service) -> service.jar(this.settings.repositoryRoot()))
			.filter((jar) -> !Files.isRegularFile(jar))
			.map((jar) -> this.settings.repositoryRoot().relativize(jar).toString())
			.toList();
		if (!missing.isEmpty()) {
			throw new LocalPlatformException("Not built yet: " + String.join(", ", missing)
					+ ". Build the jars first: ./mvnw -DskipTests package");
		}
	}

	private void checkPortsFree() {
		List<String> taken = new ArrayList<>();
		for (ServiceName service : this.settings.services()) {
			int port = this.settings.ports().port(service);
			if (Ports.inUse(port)) {
				taken.add(port + " (" + service.module() + ")");
			}
			int management = this.settings.ports().managementPort(service);
			if (this.settings.ports().hasManagementPort(service) && Ports.inUse(management)) {
				taken.add(management + " (" + service.module() + " management)");
			}
		}
		if (!taken.isEmpty()) {
			throw new LocalPlatformException("Port " + String.join(", ", taken) + " already in use."
					+ " Is Parcours running already? ./parcours status tells, ./parcours down stops it."
					+ " If an earlier run was killed, its services may still listen: lsof -i :<port> finds them.");
		}
	}

	/** Settings of a {@link LocalPlatform}; each has a default. */
	public static final class Builder {

		private final Path repositoryRoot;

		private PostgresSource postgres;

		private KafkaSource kafka;

		private PortPlan ports = PortPlan.defaults();

		private String databasePrefix = "parcours_";

		private Path logDirectory;

		private Duration readinessTimeout = Duration.ofSeconds(240);

		private Duration stopTimeout = Duration.ofSeconds(20);

		private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;

		private @Nullable Path classDataSharing;

		private Map<String, String> environment = Map.of();

		private Set<ServiceName> services = EnumSet.allOf(ServiceName.class);

		private int instances = 1;

		private Builder(Path repositoryRoot) {
			this.repositoryRoot = repositoryRoot;
			Path state = repositoryRoot.resolve(".parcours");
			this.postgres = PostgresSource.embedded(state.resolve("postgres"), 54329);
			this.kafka = KafkaSource.embedded(state.resolve("kafka"), 9092);
			this.logDirectory = state.resolve("logs");
		}

		/** Default: embedded, data in {@code .parcours/postgres}, port 54329. */
		public Builder postgres(PostgresSource postgres) {
			this.postgres = postgres;
			return this;
		}

		/** Default: embedded, logs in {@code .parcours/kafka}, port 9092. */
		public Builder kafka(KafkaSource kafka) {
			this.kafka = kafka;
			return this;
		}

		/** Default: {@link PortPlan#defaults()}. */
		public Builder ports(PortPlan ports) {
			this.ports = ports;
			return this;
		}

		/**
		 * Put before each service's database suffix; default {@code parcours_}, which
		 * names {@code parcours_partner}.
		 */
		public Builder databasePrefix(String databasePrefix) {
			if (!DATABASE_PREFIX.matcher(databasePrefix).matches()) {
				throw new IllegalArgumentException(
						"A database prefix is lower-case letters, digits and _, not '" + databasePrefix + "'");
			}
			this.databasePrefix = databasePrefix;
			return this;
		}

		/** Where each service's output goes; default {@code .parcours/logs}. */
		public Builder logDirectory(Path logDirectory) {
			this.logDirectory = logDirectory.toAbsolutePath();
			return this;
		}

		/** How long all services together may take to become ready; default 240 s. */
		public Builder readinessTimeout(Duration readinessTimeout) {
			this.readinessTimeout = readinessTimeout;
			return this;
		}

		/**
		 * How long a service may take to stop after SIGTERM before it is killed; default
		 * 20 s.
		 */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/** JVM options of every service; default {@link #DEFAULT_JVM_OPTIONS}. */
		public Builder jvmOptions(List<String> jvmOptions) {
			this.jvmOptions = List.copyOf(jvmOptions);
			return this;
		}

		/**
		 * Runs each service from its extracted jar with a class data sharing archive,
		 * both kept in the directory: from the second start of a build on, services start
		 * in about half the time. Extraction happens again when a jar is rebuilt. One
		 * platform at a time per directory. Default: none, the built jars run as they
		 * are.
		 */
		public Builder classDataSharing(Path directory) {
			this.classDataSharing = directory.toAbsolutePath();
			return this;
		}

		/** More environment variables for every service; the contract's own win. */
		public Builder environment(Map<String, String> environment) {
			this.environment = Map.copyOf(environment);
			return this;
		}

		/**
		 * Starts only these services (the gateway still routes to the others' ports);
		 * default all six.
		 */
		public Builder services(Set<ServiceName> services) {
			if (services.isEmpty()) {
				throw new IllegalArgumentException("Name at least one service to start");
			}
			this.services = EnumSet.copyOf(services);
			return this;
		}

		/**
		 * How many instances of each service and of the authorization server to start,
		 * one gateway balancing between them; default 1. With the default ports the
		 * second instance's are 10 above the first's (scheduling 8082 and 8092), else
		 * random ones.
		 */
		public Builder instances(int instances) {
			if (instances < 1 || instances > 9) {
				throw new IllegalArgumentException("From 1 to 9 instances of each service, not " + instances);
			}
			this.instances = instances;
			return this;
		}

		public LocalPlatform build() {
			boolean defaultPorts = this.ports.equals(PortPlan.defaults());
			List<PortPlan> morePorts = new ArrayList<>();
			for (int instance = 2; instance <= this.instances; instance++) {
				morePorts.add(defaultPorts ? PortPlan.defaults().shifted(10 * (instance - 1)) : PortPlan.random());
			}
			return new LocalPlatform(new PlatformSettings(this.repositoryRoot, this.postgres, this.kafka, this.ports,
					this.databasePrefix, this.logDirectory, this.readinessTimeout, this.stopTimeout, this.jvmOptions,
					this.classDataSharing, this.environment, this.services, morePorts));
		}

	}

}
