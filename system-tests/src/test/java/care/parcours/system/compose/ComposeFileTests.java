package care.parcours.system.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the container platform honest where no container can run: docker-compose.yml, the
 * Dockerfile, the PostgreSQL init script and the Prometheus and Grafana configuration
 * must agree with the platform contract (ports, databases, environment, health and
 * metrics).
 */
class ComposeFileTests {

	/** The applications of the platform contract, with their port and database. */
	private static final List<Application> APPLICATIONS = List.of(new Application("gateway", 8080, 9080, null),
			new Application("patient-service", 8081, 8081, "parcours_patient"),
			new Application("scheduling-service", 8082, 8082, "parcours_scheduling"),
			new Application("billing-service", 8083, 8083, "parcours_billing"),
			new Application("partner-service", 8084, 8084, "parcours_partner"),
			new Application("authorization-server", 9000, 9001, "parcours_auth"));

	private static final String READINESS = "/actuator/health/readiness";

	private static final String METRICS_PATH = "/actuator/prometheus";

	private static final Pattern CREATE_DATABASE = Pattern
		.compile("(?i)\\bcreate\\s+database\\s+\"?([a-z0-9_]+)\"?\\s*;");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path ROOT = Path.of(System.getProperty("parcours.repository.root", ".."))
		.toAbsolutePath()
		.normalize();

	@Test
	void composeFileFollowsTheComposeSpecification() {
		Map<String, Object> compose = compose();

		assertThat(compose).as("top-level keys of docker-compose.yml")
			.doesNotContainKey("version")
			.containsKey("services");
		assertThat(composeServices()).containsKeys("kafka", "postgres", "redis", "prometheus", "grafana");
		for (Application application : APPLICATIONS) {
			assertThat(composeServices()).as("services of docker-compose.yml").containsKey(application.name());
		}
	}

	@Test
	void applicationsListenOnTheirContractPorts() {
		for (Application application : APPLICATIONS) {
			Map<String, Object> service = service(application.name());
			String port = String.valueOf(application.port());

			assertThat(publishedPorts(service)).as("ports of %s", application.name()).containsEntry(port, port);
			assertThat(environment(service)).as("environment of %s", application.name())
				.containsEntry("SERVER_PORT", port);
			Map<String, Object> build = map(service.get("build"), "build of " + application.name());
			assertThat(build.get("context")).as("build context of %s", application.name()).isEqualTo(".");
			assertThat(stringValues(map(build.get("args"), "build args of " + application.name())))
				.as("build args of %s", application.name())
				.containsEntry("MODULE", application.name())
				.containsEntry("PORT", port);
		}
	}

	@Test
	void everyServiceReadsItsOwnDatabase() {
		Map<String, String> postgres = environment(service("postgres"));
		Set<String> databases = new LinkedHashSet<>();
		for (Application application : databaseServices()) {
			Map<String, String> environment = environment(service(application.name()));

			assertThat(environment.get("SPRING_DATASOURCE_URL")).as("datasource of %s", application.name())
				.isEqualTo("jdbc:postgresql://postgres:5432/" + application.database());
			assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).as("database user of %s", application.name())
				.isNotBlank()
				.isEqualTo(postgres.get("POSTGRES_USER"));
			assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).as("database password of %s", application.name())
				.isNotBlank()
				.isEqualTo(postgres.get("POSTGRES_PASSWORD"));
			databases.add(application.database());
		}
		assertThat(databases).as("one database per service").hasSize(databaseServices().size());

		assertThat(environment(service("gateway"))).as("environment of the gateway, which has no database")
			.doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
	}

	@Test
	void everyServicePublishesToTheComposeKafkaBroker() {
		Map<String, String> kafka = environment(service("kafka"));
		assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as("listeners that Kafka advertises")
			.contains("://kafka:9092");

		for (Application application : databaseServices()) {
			assertThat(environment(service(application.name()))).as("environment of %s", application.name())
				.containsEntry("PARCOURS_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
		}
	}

	@Test
	void kafkaIsOneKraftNodeThatCreatesTopicsOnFirstUse() {
		Map<String, Object> kafka = service("kafka");
		Map<String, String> environment = environment(kafka);

		assertThat(String.valueOf(kafka.get("image"))).startsWith("apache/kafka:4.");
		assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
			.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
			.containsEntry("KAFKA_NUM_PARTITIONS", "3")
			.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
			.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
			.containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "CLUSTER_ID");
		assertThat(healthcheckCommand(kafka)).as("health check of kafka").contains("/opt/kafka/bin/");
	}

	@Test
	void gatewayRoutesToEachServiceByItsComposeName() {
		Map<String, String> environment = environment(service("gateway"));

		for (Application application : databaseServices()) {
			String variable = "PARCOURS_"
					+ application.name().replace("-service", "").replace("authorization-server", "auth").toUpperCase()
					+ "_URL";
			assertThat(environment).as("environment of the gateway")
				.containsEntry(variable, "http://" + application.name() + ":" + application.port());
		}
		assertThat(environment).containsEntry("PARCOURS_REDIS_HOST", "redis")
			.containsEntry("PARCOURS_REDIS_PORT", "6379");
	}

	@Test
	void everyApplicationReportsHealthFromItsReadinessGroup() {
		for (Application application : APPLICATIONS) {
			Map<String, Object> service = service(application.name());

			assertThat(healthcheckCommand(service)).as("health check of %s", application.name()).contains(READINESS);
			assertThat(map(service.get("healthcheck"), "health check").get("disable"))
				.as("health check of %s disabled", application.name())
				.isNotEqualTo(Boolean.TRUE);
			assertThat(service.get("restart")).as("restart policy of %s", application.name()).isNotNull();
		}
	}

	@Test
	void whatThePublicReachesAnswersProbesAndMetricsOnAManagementPortItDoesNotPublish() {
		for (Application application : APPLICATIONS) {
			if (application.managementPort() == application.port()) {
				continue;
			}
			Map<String, Object> service = service(application.name());

			assertThat(environment(service)).as("environment of %s", application.name())
				.containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(application.managementPort()));
			// The image itself answers its health check there, with or without compose.
			assertThat(stringValues(map(map(service.get("build"), "build").get("args"), "build args")))
				.as("build args of %s", application.name())
				.containsEntry("MANAGEMENT_PORT", String.valueOf(application.managementPort()));
			assertThat(publishedPorts(service)).as("ports of %s", application.name())
				.containsOnlyKeys(String.valueOf(application.port()));
		}
		assertThat(dockerfileInstructions()).contains("ARG MANAGEMENT_PORT=${PORT}")
			.anySatisfy(instruction -> assertThat(instruction).startsWith("ENV ")
				.contains("MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}"));
		assertThat(read("ops/docker/healthcheck")).as("the image's health check script")
			.contains("${MANAGEMENT_SERVER_PORT:-${SERVER_PORT");
	}

	@Test
	void applicationsStartOnlyOnceTheirInfrastructureIsHealthy() {
		for (Application application : databaseServices()) {
			assertThat(dependencies(service(application.name()))).as("dependencies of %s", application.name())
				.containsEntry("postgres", "service_healthy")
				.containsEntry("kafka", "service_healthy");
		}
		assertThat(dependencies(service("gateway"))).as("dependencies of the gateway")
			.containsEntry("redis", "service_healthy");
		for (String infrastructure : List.of("postgres", "kafka", "redis")) {
			assertThat(healthcheckCommand(service(infrastructure))).as("health check of %s", infrastructure)
				.isNotBlank();
		}
	}

	@Test
	void initScriptCreatesExactlyTheServiceDatabases() {
		String script = read("ops/postgres/init.sql").lines()
			.map(line -> line.replaceFirst("--.*$", ""))
			.collect(Collectors.joining("\n"));
		List<String> created = new ArrayList<>();
		Matcher matcher = CREATE_DATABASE.matcher(script);
		while (matcher.find()) {
			created.add(matcher.group(1));
		}

		assertThat(created)
			.containsExactlyInAnyOrderElementsOf(databaseServices().stream().map(Application::database).toList());
		assertThat(strings(service("postgres").get("volumes"))).as("volumes of postgres")
			.anySatisfy(
					volume -> assertThat(volume).startsWith("./ops/postgres/init.sql:/docker-entrypoint-initdb.d/"));
	}

	@Test
	void prometheusScrapesEveryApplicationOnItsPortAndPath() {
		Map<String, Object> prometheus = yaml("ops/prometheus/prometheus.yml");
		List<Map<String, Object>> jobs = maps(prometheus.get("scrape_configs"), "scrape_configs");

		for (Application application : APPLICATIONS) {
			String target = application.name() + ":" + application.managementPort();
			List<Map<String, Object>> scraping = jobs.stream().filter(job -> targets(job).contains(target)).toList();

			assertThat(scraping).as("scrape configs with target %s", target).hasSize(1);
			assertThat(scraping.getFirst().get("metrics_path")).as("metrics path of %s", target)
				.isEqualTo(METRICS_PATH);
			assertThat(scraping.getFirst().get("job_name")).as("job of %s (the alerts name it)", target)
				.isEqualTo(application.name());
		}
		assertThat(strings(prometheus.get("rule_files"))).contains("alerts.yml");
		assertThat(strings(service("prometheus").get("volumes"))).as("volumes of prometheus")
			.anySatisfy(volume -> assertThat(volume).startsWith("./ops/prometheus:/etc/prometheus"));
	}

	@Test
	void everyAlertTellsOperationsStaffItsSeverityAndWhatHappened() {
		List<Map<String, Object>> alerts = maps(yaml("ops/prometheus/alerts.yml").get("groups"), "groups").stream()
			.flatMap(group -> maps(group.get("rules"), "rules").stream())
			.filter(rule -> rule.containsKey("alert"))
			.toList();

		assertThat(alerts).isNotEmpty();
		assertThat(alerts).extracting(rule -> rule.get("alert")).doesNotHaveDuplicates();
		for (Map<String, Object> alert : alerts) {
			String name = String.valueOf(alert.get("alert"));
			Map<String, String> labels = stringValues(map(alert.get("labels"), "labels of " + name));
			Map<String, String> annotations = stringValues(map(alert.get("annotations"), "annotations of " + name));

			assertThat(String.valueOf(alert.get("expr"))).as("expression of %s", name).isNotBlank();
			assertThat(labels.get("severity")).as("severity of %s", name).isIn("critical", "warning", "info");
			assertThat(annotations.get("summary")).as("summary of %s", name).isNotBlank();
			assertThat(annotations.get("description")).as("description of %s", name).isNotBlank();
		}
	}

	@Test
	void grafanaDashboardsQueryTheProvisionedPrometheusDatasource() {
		List<Map<String, Object>> datasources = maps(
				yaml("ops/grafana/provisioning/datasources/prometheus.yml").get("datasources"), "datasources");
		assertThat(datasources).hasSize(1);
		Map<String, String> datasource = stringValues(datasources.getFirst());
		assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
		String uid = datasource.get("uid");
		assertThat(uid).isNotBlank();

		List<Path> dashboards = dashboardFiles();
		assertThat(dashboards).isNotEmpty();
		for (Path file : dashboards) {
			Map<String, Object> dashboard = json(file);
			List<Map<String, Object>> references = new ArrayList<>();
			collectDatasourceReferences(dashboard, references);

			assertThat(dashboard.get("uid")).as("uid of %s", file.getFileName()).isNotNull();
			assertThat(((Number) dashboard.get("schemaVersion")).intValue())
				.as("schemaVersion of %s", file.getFileName())
				.isGreaterThanOrEqualTo(39);
			assertThat(maps(dashboard.get("panels"), "panels")).as("panels of %s", file.getFileName()).isNotEmpty();
			assertThat(references).as("datasources queried in %s", file.getFileName())
				.isNotEmpty()
				.allSatisfy(reference -> assertThat(reference).containsEntry("uid", uid));
		}
	}

	@Test
	void everyApplicationSendsItsSpansToTheCollectorAndLogsEcsJson() {
		assertThat(composeServices()).containsKeys("otel-collector", "jaeger");
		for (Application application : APPLICATIONS) {
			Map<String, String> environment = environment(service(application.name()));

			assertThat(environment).as("environment of %s", application.name())
				.containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
						"http://otel-collector:4318/v1/traces")
				.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			assertThat(environment.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY"))
				.as("sampling of %s, 1.0 unless PARCOURS_TRACING_SAMPLING says otherwise", application.name())
				.isEqualTo("${PARCOURS_TRACING_SAMPLING:-1.0}");
		}
	}

	@Test
	void theCollectorReceivesOtlpOverHttpAndForwardsTracesToJaeger() {
		Map<String, Object> collector = service("otel-collector");
		assertThat(strings(collector.get("volumes"))).as("volumes of otel-collector")
			.contains("./ops/otel-collector/config.yaml:/etc/otelcol/config.yaml:ro");
		assertThat(strings(collector.get("command"))).contains("--config=/etc/otelcol/config.yaml");

		Map<String, Object> config = yaml("ops/otel-collector/config.yaml");
		Map<String, Object> protocols = map(
				map(map(config.get("receivers"), "receivers").get("otlp"), "otlp receiver").get("protocols"),
				"protocols");
		assertThat(String.valueOf(map(protocols.get("http"), "http").get("endpoint"))).endsWith(":4318");
		Map<String, Object> exporters = map(config.get("exporters"), "exporters");
		Map<String, Object> traces = map(
				map(map(config.get("service"), "service").get("pipelines"), "pipelines").get("traces"), "traces");
		assertThat(strings(traces.get("receivers"))).containsExactly("otlp");
		assertThat(strings(traces.get("exporters"))).as("exporters of the traces pipeline")
			.singleElement()
			.satisfies(exporter -> assertThat(
					String.valueOf(map(exporters.get(exporter), "exporter " + exporter).get("endpoint")))
				.isEqualTo("jaeger:4317"));
		assertThat(strings(traces.get("processors")))
			.allSatisfy(processor -> assertThat(map(config.get("processors"), "processors")).containsKey(processor));
		assertThat(String.valueOf(service("jaeger").get("image"))).startsWith("jaegertracing/jaeger:2.");
	}

	@Test
	void grafanaShowsTheTracesJaegerKeeps() {
		List<Map<String, Object>> datasources = maps(
				yaml("ops/grafana/provisioning/datasources/jaeger.yml").get("datasources"), "datasources");

		assertThat(datasources).singleElement()
			.satisfies(datasource -> assertThat(stringValues(datasource)).containsEntry("type", "jaeger")
				.containsEntry("url", "http://jaeger:16686")
				.containsKey("uid"));
		assertThat(publishedPorts(service("jaeger"))).containsEntry("16686", "16686");
	}

	@Test
	void grafanaLoadsTheDashboardsFolderThatComposeMounts() {
		List<Map<String, Object>> providers = maps(
				yaml("ops/grafana/provisioning/dashboards/parcours.yml").get("providers"), "providers");
		assertThat(providers).hasSize(1);
		String path = String.valueOf(map(providers.getFirst().get("options"), "options").get("path"));

		List<String> volumes = strings(service("grafana").get("volumes"));
		assertThat(volumes).contains("./ops/grafana/dashboards:" + path + ":ro")
			.contains("./ops/grafana/provisioning/dashboards:/etc/grafana/provisioning/dashboards:ro")
			.contains("./ops/grafana/provisioning/datasources:/etc/grafana/provisioning/datasources:ro");
	}

	@Test
	void dockerfileBuildsTheModuleGivenByItsBuildArgument() {
		List<String> instructions = dockerfileInstructions();

		assertThat(instructions).contains("ARG MODULE");
		assertThat(instructions).filteredOn(instruction -> instruction.startsWith("FROM "))
			.first()
			.asString()
			.startsWith("FROM eclipse-temurin:25-jdk");
		assertThat(instructions)
			.filteredOn(instruction -> instruction.startsWith("RUN ") && instruction.contains("./mvnw"))
			.singleElement()
			.asString()
			.containsPattern("-pl\\s+\"?\\$\\{MODULE}\"?\\s+-am\\b")
			.contains("-DskipTests", " package", "--mount=type=cache,target=/root/.m2")
			.contains("${MODULE}/target/${MODULE}.jar");
		for (Application application : APPLICATIONS) {
			assertThat(ROOT.resolve(application.name()).resolve("pom.xml"))
				.as("module built for %s", application.name())
				.isRegularFile();
		}
	}

	@Test
	void dockerfileRunsTheApplicationAsAnUnprivilegedUserWithAHealthCheck() {
		List<String> instructions = dockerfileInstructions();
		List<String> stages = instructions.stream().filter(instruction -> instruction.startsWith("FROM ")).toList();
		List<String> runtime = instructions.subList(instructions.lastIndexOf(stages.getLast()), instructions.size());

		assertThat(stages.getLast()).startsWith("FROM eclipse-temurin:25-jre");
		assertThat(runtime).filteredOn(instruction -> instruction.startsWith("USER "))
			.last()
			.asString()
			.doesNotMatch("USER\\s+(root|0)(:.*)?");
		assertThat(runtime).anySatisfy(instruction -> assertThat(instruction).startsWith("EXPOSE "));
		assertThat(runtime)
			.anySatisfy(instruction -> assertThat(instruction).startsWith("HEALTHCHECK ").contains(READINESS));
		assertThat(runtime).anySatisfy(
				instruction -> assertThat(instruction).startsWith("ENTRYPOINT ").contains("-XX:MaxRAMPercentage=75"));
		assertThat(runtime)
			.anySatisfy(instruction -> assertThat(instruction).startsWith("COPY ").contains("ops/docker/healthcheck"));
		assertThat(ROOT.resolve("ops/docker/healthcheck")).isRegularFile();
	}

	@Test
	void dockerignoreLeavesOutBuildOutputButNotTheBuildInputs() {
		List<String> patterns = read(".dockerignore").lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();

		assertThat(patterns).contains("**/target/", ".git/", ".parcours/");
		assertThat(patterns).as("patterns that would leave out the Maven wrapper or a pom")
			.noneMatch(pattern -> pattern.matches("\\.mvn/?|\\.\\*|\\*|mvnw|\\*\\*?/?pom\\.xml|\\*\\.xml"));
		if (patterns.contains("ops/")) {
			assertThat(patterns).as("the health check script stays in the build context").contains("!ops/docker/");
		}
	}

	private static Map<String, Object> compose() {
		return yaml("docker-compose.yml");
	}

	/** The applications with a database, the gateway left out. */
	private static List<Application> databaseServices() {
		return APPLICATIONS.stream().filter(application -> application.database() != null).toList();
	}

	private static Map<String, Object> composeServices() {
		return map(compose().get("services"), "services");
	}

	private static Map<String, Object> service(String name) {
		return map(composeServices().get(name), "service " + name);
	}

	private static Map<String, String> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		if (environment instanceof List<?> list) {
			Map<String, String> variables = new LinkedHashMap<>();
			for (Object entry : list) {
				String[] variable = String.valueOf(entry).split("=", 2);
				variables.put(variable[0], (variable.length > 1) ? variable[1] : "");
			}
			return variables;
		}
		return stringValues(map(environment, "environment"));
	}

	/**
	 * Host port to container port, from short ("8080:8080", "127.0.0.1:29092:29092")
	 * syntax.
	 */
	private static Map<String, String> publishedPorts(Map<String, Object> service) {
		Map<String, String> ports = new LinkedHashMap<>();
		for (String port : strings(service.get("ports"))) {
			String[] parts = port.replaceFirst("/(tcp|udp)$", "").split(":");
			if (parts.length >= 2) {
				ports.put(parts[parts.length - 2], parts[parts.length - 1]);
			}
		}
		return ports;
	}

	/** Each service this one depends on, with the condition it waits for. */
	private static Map<String, String> dependencies(Map<String, Object> service) {
		Object dependsOn = service.get("depends_on");
		Map<String, String> dependencies = new LinkedHashMap<>();
		if (dependsOn instanceof List<?> list) {
			list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
		}
		else if (dependsOn != null) {
			map(dependsOn, "depends_on").forEach((name, dependency) -> {
				Object condition = map(dependency, "depends_on " + name).get("condition");
				dependencies.put(name, (condition != null) ? String.valueOf(condition) : "service_started");
			});
		}
		return dependencies;
	}

	private static String healthcheckCommand(Map<String, Object> service) {
		Object test = map(service.get("healthcheck"), "healthcheck").get("test");
		return (test instanceof List<?> list) ? list.stream().map(String::valueOf).collect(Collectors.joining(" "))
				: String.valueOf(test);
	}

	private static Set<String> targets(Map<String, Object> job) {
		Set<String> targets = new LinkedHashSet<>();
		Object staticConfigs = job.get("static_configs");
		if (staticConfigs != null) {
			maps(staticConfigs, "static_configs").forEach(config -> targets.addAll(strings(config.get("targets"))));
		}
		return targets;
	}

	private static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.list(ROOT.resolve("ops/grafana/dashboards"))) {
			return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every object under a "datasource" key, but Grafana's own (built-in annotations).
	 */
	private static void collectDatasourceReferences(@Nullable Object node, List<Map<String, Object>> references) {
		if (node instanceof Map<?, ?> object) {
			Object datasource = object.get("datasource");
			if (datasource != null) {
				assertThat(datasource).as("datasource reference (by uid, not by name)").isInstanceOf(Map.class);
				Map<String, Object> reference = map(datasource, "datasource");
				if (!"grafana".equals(reference.get("type"))) {
					references.add(reference);
				}
			}
			object.values().forEach(value -> collectDatasourceReferences(value, references));
		}
		else if (node instanceof List<?> list) {
			list.forEach(value -> collectDatasourceReferences(value, references));
		}
	}

	/** The Dockerfile's instructions, continuation lines joined and comments left out. */
	private static List<String> dockerfileInstructions() {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : read("Dockerfile").lines().toList()) {
			String stripped = line.strip();
			if (stripped.startsWith("#") || (stripped.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continued = stripped.endsWith("\\");
			current.append(continued ? stripped.substring(0, stripped.length() - 1).strip() : stripped).append(' ');
			if (!continued) {
				instructions.add(current.toString().strip().replaceAll("\\s+", " "));
				current.setLength(0);
			}
		}
		return instructions;
	}

	private static Map<String, Object> yaml(String path) {
		return map(new Yaml().load(read(path)), path);
	}

	private static Map<String, Object> json(Path file) {
		try {
			return map(JSON.readValue(Files.readString(file), Map.class), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(String path) {
		try {
			return Files.readString(ROOT.resolve(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value, String what) {
		assertThat(value).as(what).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<Map<String, Object>> maps(@Nullable Object value, String what) {
		assertThat(value).as(what).isInstanceOf(List.class);
		return ((List<?>) value).stream().map(element -> map(element, what + " element")).toList();
	}

	private static List<String> strings(@Nullable Object value) {
		return (value instanceof List<?> list) ? list.stream().map(String::valueOf).toList() : List.of();
	}

	private static Map<String, String> stringValues(Map<String, Object> map) {
		Map<String, String> strings = new LinkedHashMap<>();
		map.forEach((key, value) -> strings.put(key, (value != null) ? String.valueOf(value) : ""));
		return strings;
	}

	/**
	 * @param managementPort where Prometheus and the health check reach it: a port of its
	 * own for what the public reaches (the gateway, the authorization server's login)
	 */
	private record Application(String name, int port, int managementPort, @Nullable String database) {

	}

}
