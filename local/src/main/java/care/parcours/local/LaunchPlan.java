package care.parcours.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How each service is started: {@code java -jar} on its jar, with the environment of the
 * service contract (port, database, Kafka, the token issuer; for the gateway, where the
 * services and the authorization server listen).
 *
 * @param repositoryRoot where the modules' jars are built
 * @param logDirectory where each service's output goes, one file per module
 * @param ports the HTTP port of each service
 * @param jvm the Java runtime and options for every service
 * @param infrastructure Kafka and PostgreSQL as the services reach them
 * @param environment more variables for every service, such as settings for a test
 * @param morePorts the ports of the second and further instance of each service and of
 * the authorization server (their gateway port unused: one gateway routes to them all);
 * none for one instance of each
 */
record LaunchPlan(Path repositoryRoot, Path logDirectory, PortPlan ports, Jvm jvm, Infrastructure infrastructure,
		Map<String, String> environment, List<PortPlan> morePorts) {

	LaunchPlan {
		environment = Map.copyOf(environment);
		morePorts = List.copyOf(morePorts);
	}

	LaunchPlan(Path repositoryRoot, Path logDirectory, PortPlan ports, Jvm jvm, Infrastructure infrastructure,
			Map<String, String> environment) {
		this(repositoryRoot, logDirectory, ports, jvm, infrastructure, environment, List.of());
	}

	/**
	 * How many instances of each service and of the authorization server run; 1 gateway.
	 */
	int instances() {
		return 1 + this.morePorts.size();
	}

	/** The ports of the given instance, the first being 1. */
	PortPlan ports(int instance) {
		return (instance == 1) ? this.ports : this.morePorts.get(instance - 2);
	}

	ServiceLaunch launch(ServiceName service) {
		return launch(service, 1);
	}

	/**
	 * The given instance (the first being 1) of the service: its own ports and log, the
	 * same database and Kafka as the others.
	 */
	ServiceLaunch launch(ServiceName service, int instance) {
		PortPlan ports = ports(instance);
		List<String> command = new ArrayList<>();
		command.add(this.jvm.java().toString());
		command.addAll(this.jvm.options());
		Path directory = this.jvm.classDataSharing();
		if (directory != null) {
			Path extracted = directory.resolve(service.module());
			command.add("-XX:+AutoCreateSharedArchive");
			// An archive per instance: each JVM writes its own when it stops.
			command.add("-XX:SharedArchiveFile=" + extracted.resolve(instanceName(service, instance) + ".jsa"));
			// Writing the archive lists every class it skips as a warning; nobody can act
			// on it.
			command.add("-Xlog:cds*=off");
			command.add("-jar");
			command.add(extracted.resolve(service.jar(this.repositoryRoot).getFileName()).toString());
		}
		else {
			command.add("-jar");
			command.add(service.jar(this.repositoryRoot).toString());
		}
		Map<String, String> env = new LinkedHashMap<>(this.environment);
		env.put("SERVER_PORT", String.valueOf(ports.port(service)));
		if (ports.hasManagementPort(service)) {
			env.put("MANAGEMENT_SERVER_PORT", String.valueOf(ports.managementPort(service)));
		}
		env.put("PARCOURS_KAFKA_BOOTSTRAP_SERVERS", this.infrastructure.kafkaBootstrapServers());
		// Every service and the gateway accept the tokens of this issuer only.
		env.put("PARCOURS_SECURITY_ISSUER", issuer());
		if (instances() > 1 && !this.environment.containsKey("PARCOURS_SECURITY_ISSUER")) {
			// The keys from whichever instance answers: the first may be the one down.
			env.putIfAbsent("PARCOURS_SECURITY_JWK_SET_URI", jwkSetUris());
		}
		if (service == ServiceName.AUTH) {
			env.put("PARCOURS_AUTH_ISSUER", issuer());
			// One person and one client per staff role, with well-known passwords.
			env.put("PARCOURS_AUTH_DEMO_USERS", "true");
		}
		if (service == ServiceName.PATIENT) {
			// The sample pathway templates, labelled as samples: local mode only.
			env.put("PARCOURS_PATIENT_PATHWAYS_SAMPLE_TEMPLATES", "true");
		}
		if (service == ServiceName.BILLING) {
			// The sample catalogue (sample data, illustrative prices), for the local
			// platform only.
			env.put("PARCOURS_BILLING_SAMPLE_CATALOGUE", "true");
		}
		if (service == ServiceName.PARTNER) {
			// Local webhook receivers listen on loopback over plain http.
			env.put("PARCOURS_WEBHOOKS_ALLOW_LOOPBACK", "true");
		}
		if (instances() > 1 && service.databaseName("").isPresent()) {
			// Ten instances of ten connections each would take all of PostgreSQL's 100 by
			// default; five each leave room for the tests' and the operator's own.
			env.putIfAbsent("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5");
		}
		service.databaseName(this.infrastructure.databasePrefix())
			.ifPresentOrElse((database) -> env.putAll(this.infrastructure.datasource(database)),
					() -> routed().forEach((target) -> env.put("PARCOURS_" + target.name() + "_URL", urls(target))));
		return new ServiceLaunch(instanceName(service, instance), command, env, logFile(service, instance),
				ports.readinessUrl("127.0.0.1", service));
	}

	/**
	 * The issuer of every token: the authorization server as browsers and services on
	 * this machine reach it, unless the environment names another (an outside OIDC
	 * provider, or a benchmark that signs its own tokens).
	 */
	String issuer() {
		String given = this.environment.get("PARCOURS_SECURITY_ISSUER");
		return given != null ? given : "http://localhost:" + this.ports.port(ServiceName.AUTH);
	}

	/**
	 * What the gateway routes to: the services, and the authorization server's endpoints.
	 */
	private static List<ServiceName> routed() {
		List<ServiceName> routed = new ArrayList<>(ServiceName.backends());
		routed.add(ServiceName.AUTH);
		return routed;
	}

	/**
	 * Readies what {@link #launch} runs: with class data sharing, the service's jar
	 * extracted (again, if it was rebuilt).
	 */
	void prepare(ServiceName service) {
		Path directory = this.jvm.classDataSharing();
		if (directory != null) {
			ExtractedJars.refresh(service.jar(this.repositoryRoot), directory.resolve(service.module()),
					this.jvm.java());
		}
	}

	Path logFile(ServiceName service) {
		return logFile(service, 1);
	}

	Path logFile(ServiceName service, int instance) {
		return this.logDirectory.resolve(instanceName(service, instance) + ".log");
	}

	/**
	 * {@code scheduling-service} for the first instance, {@code scheduling-service-2}...
	 */
	static String instanceName(ServiceName service, int instance) {
		return (instance == 1) ? service.module() : service.module() + "-" + instance;
	}

	URI readinessUrl(ServiceName service) {
		return this.ports.readinessUrl("127.0.0.1", service);
	}

	/** Every authorization server instance's signing keys, comma-separated. */
	private String jwkSetUris() {
		List<String> uris = new ArrayList<>();
		for (int instance = 1; instance <= instances(); instance++) {
			uris.add("http://localhost:" + ports(instance).port(ServiceName.AUTH) + "/oauth2/jwks");
		}
		return String.join(",", uris);
	}

	/** Every instance's base URL, comma-separated, as the gateway takes them. */
	private String urls(ServiceName service) {
		List<String> urls = new ArrayList<>();
		for (int instance = 1; instance <= instances(); instance++) {
			urls.add("http://127.0.0.1:" + ports(instance).port(service));
		}
		return String.join(",", urls);
	}

	/**
	 * @param java the {@code java} executable
	 * @param options options before {@code -jar}
	 * @param classDataSharing where the services' extracted jars and class data sharing
	 * archives live; none to run the built jars as they are
	 */
	record Jvm(Path java, List<String> options, @Nullable Path classDataSharing) {

		Jvm {
			options = List.copyOf(options);
		}

	}

	/**
	 * @param kafkaBootstrapServers what the services' Kafka clients connect to
	 * @param postgres the server holding the services' databases
	 * @param databasePrefix put before each service's database suffix
	 */
	record Infrastructure(String kafkaBootstrapServers, PostgresSource.Server postgres, String databasePrefix) {

		Map<String, String> datasource(String database) {
			return Map.of("SPRING_DATASOURCE_URL", JdbcUrls.withDatabase(this.postgres.adminJdbcUrl(), database),
					"SPRING_DATASOURCE_USERNAME", this.postgres.username(), "SPRING_DATASOURCE_PASSWORD",
					this.postgres.password());
		}

	}

}
