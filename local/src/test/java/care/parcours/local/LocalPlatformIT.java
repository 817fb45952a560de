package care.parcours.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole start and stop sequence, with real Kafka and PostgreSQL, and stand-ins in
 * place of the services so that the test does not depend on their jars.
 */
class LocalPlatformIT {

	@TempDir
	Path directory;

	private final String prefix = "local_it_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000 + "_";

	private PostgresSource postgres;

	@BeforeEach
	void choosePostgres() {
		PostgresSource.Server server = Optional.ofNullable(System.getenv("PARCOURS_TEST_JDBC_URL"))
			.map((url) -> new PostgresSource.Server(url, JdbcUrls.parameter(url, "user").orElse("postgres"),
					JdbcUrls.parameter(url, "password").orElse("")))
			.orElse(LocalSettings.LOCAL_SERVER);
		this.postgres = Postgres.answers(server) ? server
				: PostgresSource.embedded(this.directory.resolve("postgres"), 0);
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		if (this.postgres instanceof PostgresSource.Server) {
			try (Postgres server = Postgres.start(this.postgres);
					Connection connection = server.connect();
					Statement statement = connection.createStatement()) {
				for (ServiceName service : ServiceName.values()) {
					if (service.databaseName(this.prefix).isPresent()) {
						statement.execute("drop database if exists " + service.databaseName(this.prefix).orElseThrow()
								+ " with (force)");
					}
				}
			}
		}
	}

	@Test
	void startsEveryServiceWithTheContractEnvironmentAndStopsThemAll() throws Exception {
		Path root = FakeRepository.in(this.directory);
		PortPlan ports = PortPlan.random();
		RunningPlatform platform = standIns(root).ports(ports).build().start();
		try (platform) {
			assertThat(platform.services()).containsExactlyInAnyOrder(ServiceName.values());
			assertThat(platform.url(ServiceName.GATEWAY))
				.hasToString("http://localhost:" + ports.port(ServiceName.GATEWAY));
			assertThat(log(platform, ServiceName.PARTNER)).contains(
					"env SERVER_PORT=" + ports.port(ServiceName.PARTNER),
					"env PARCOURS_KAFKA_BOOTSTRAP_SERVERS=" + platform.kafkaBootstrapServers(),
					"env SPRING_DATASOURCE_USERNAME=postgres");
			assertThat(log(platform, ServiceName.PARTNER))
				.anyMatch((line) -> line.startsWith("env SPRING_DATASOURCE_URL=jdbc:postgresql://")
						&& line.endsWith("/" + this.prefix + "partner"));
			assertThat(log(platform, ServiceName.GATEWAY))
				.contains("env PARCOURS_PARTNER_URL=http://127.0.0.1:" + ports.port(ServiceName.PARTNER),
						"env PARCOURS_PATIENT_URL=http://127.0.0.1:" + ports.port(ServiceName.PATIENT),
						"env MANAGEMENT_SERVER_PORT=" + ports.managementPort(ServiceName.GATEWAY))
				.noneMatch((line) -> line.startsWith("env SPRING_DATASOURCE_URL="));
			String issuer = "http://localhost:" + ports.port(ServiceName.AUTH);
			assertThat(log(platform, ServiceName.AUTH))
				.contains("env PARCOURS_AUTH_ISSUER=" + issuer, "env PARCOURS_AUTH_DEMO_USERS=true",
						"env PARCOURS_SECURITY_ISSUER=" + issuer,
						"env MANAGEMENT_SERVER_PORT=" + ports.managementPort(ServiceName.AUTH))
				.anyMatch((line) -> line.startsWith("env SPRING_DATASOURCE_URL=jdbc:postgresql://")
						&& line.endsWith("/" + this.prefix + "auth"));
			assertThat(log(platform, ServiceName.GATEWAY)).contains("env PARCOURS_SECURITY_ISSUER=" + issuer,
					"env PARCOURS_AUTH_URL=http://127.0.0.1:" + ports.port(ServiceName.AUTH));

			platform.stop(ServiceName.PARTNER);
			assertThat(platform.isRunning(ServiceName.PARTNER)).isFalse();
			platform.start(ServiceName.PARTNER);
			assertThat(platform.isRunning(ServiceName.PARTNER)).isTrue();
			assertThat(log(platform, ServiceName.PARTNER)).filteredOn((line) -> line.startsWith("stand-in pid"))
				.hasSize(2);
		}

		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(Ports.inUse(Integer.parseInt(platform.kafkaBootstrapServers().split(":")[1]))).isFalse();
	}

	@Test
	void twoInstancesOfEachServiceBehindOneGatewayAndOneKilledAlone() throws Exception {
		Path root = FakeRepository.in(this.directory);
		RunningPlatform platform = standIns(root).ports(PortPlan.random()).instances(2).build().start();
		try (platform) {
			assertThat(platform.instances()).isEqualTo(2);
			for (ServiceName service : List.of(ServiceName.AUTH, ServiceName.PATIENT, ServiceName.SCHEDULING,
					ServiceName.BILLING, ServiceName.PARTNER)) {
				int second = platform.url(service, 2).getPort();
				assertThat(second).isNotEqualTo(platform.url(service, 1).getPort());
				assertThat(platform.process(service, 2)).isPresent();
				assertThat(Files.readAllLines(platform.logFile(service, 2))).contains("env SERVER_PORT=" + second);
			}
			assertThat(platform.process(ServiceName.GATEWAY, 2)).isEmpty();
			assertThat(log(platform, ServiceName.GATEWAY)).contains(
					"env PARCOURS_SCHEDULING_URL=http://127.0.0.1:" + platform.url(ServiceName.SCHEDULING, 1).getPort()
							+ ",http://127.0.0.1:" + platform.url(ServiceName.SCHEDULING, 2).getPort());

			platform.kill(ServiceName.SCHEDULING, 2);
			assertThat(platform.process(ServiceName.SCHEDULING, 2)).isEmpty();
			assertThat(platform.process(ServiceName.SCHEDULING, 1)).isPresent();
		}

		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
	}

	private static List<String> log(RunningPlatform platform, ServiceName service) throws Exception {
		return Files.readAllLines(platform.logFile(service));
	}

	/** Stand-ins for the services, over this test's PostgreSQL and an embedded Kafka. */
	private LocalPlatform.Builder standIns(Path root) {
		return LocalPlatform.builder(root)
			.postgres(this.postgres)
			.kafka(KafkaSource.embedded(this.directory.resolve("kafka"), 0))
			.databasePrefix(this.prefix)
			.jvmOptions(StandIns.jvmOptions())
			.readinessTimeout(Duration.ofSeconds(60));
	}

}
