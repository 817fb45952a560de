package care.parcours.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchPlanTests {

	private static final Path ROOT = Path.of("/work/parcours");

	private final LaunchPlan plan = new LaunchPlan(ROOT, ROOT.resolve(".parcours/logs"), PortPlan.defaults(),
			new LaunchPlan.Jvm(Path.of("/jdk/bin/java"), List.of("-XX:+UseSerialGC"), null),
			new LaunchPlan.Infrastructure("127.0.0.1:9092",
					new PostgresSource.Server("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "secret"),
					"systest_7_"),
			Map.of("PARCOURS_DEMO_DATA", "true", "SERVER_PORT", "1"));

	@Test
	void startsTheModuleJarWithTheGivenJvm() {
		assertThat(this.plan.launch(ServiceName.PARTNER).command()).containsExactly("/jdk/bin/java", "-XX:+UseSerialGC",
				"-jar", "/work/parcours/partner-service/target/partner-service.jar");
	}

	@Test
	void withClassDataSharingStartsTheExtractedJarWithItsOwnArchive() {
		LaunchPlan sharing = new LaunchPlan(ROOT, this.plan.logDirectory(), this.plan.ports(),
				new LaunchPlan.Jvm(Path.of("/jdk/bin/java"), List.of(), ROOT.resolve(".parcours/jvm")),
				this.plan.infrastructure(), Map.of());

		assertThat(sharing.launch(ServiceName.PARTNER).command()).containsExactly("/jdk/bin/java",
				"-XX:+AutoCreateSharedArchive",
				"-XX:SharedArchiveFile=/work/parcours/.parcours/jvm/partner-service/partner-service.jsa",
				"-Xlog:cds*=off", "-jar", "/work/parcours/.parcours/jvm/partner-service/partner-service.jar");
	}

	@Test
	void aServiceIsToldItsPortKafkaAndItsOwnDatabase() {
		ServiceLaunch launch = this.plan.launch(ServiceName.SCHEDULING);

		assertThat(launch.environment()).containsEntry("SERVER_PORT", "8082")
			.containsEntry("PARCOURS_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/systest_7_scheduling")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "secret")
			.containsEntry("PARCOURS_DEMO_DATA", "true");
		assertThat(launch.logFile()).isEqualTo(ROOT.resolve(".parcours/logs/scheduling-service.log"));
		assertThat(launch.readinessUrl()).hasToString("http://127.0.0.1:8082/actuator/health/readiness");
	}

	@Test
	void theGatewayIsToldWhereEachServiceListensAndHasNoDatabase() {
		ServiceLaunch launch = this.plan.launch(ServiceName.GATEWAY);

		assertThat(launch.environment()).containsEntry("SERVER_PORT", "8080")
			.containsEntry("PARCOURS_PATIENT_URL", "http://127.0.0.1:8081")
			.containsEntry("PARCOURS_SCHEDULING_URL", "http://127.0.0.1:8082")
			.containsEntry("PARCOURS_BILLING_URL", "http://127.0.0.1:8083")
			.containsEntry("PARCOURS_PARTNER_URL", "http://127.0.0.1:8084")
			.containsEntry("PARCOURS_AUTH_URL", "http://127.0.0.1:9000")
			.doesNotContainKey("SPRING_DATASOURCE_URL");
	}

	@Test
	void whatThePublicReachesAnswersItsProbesOnAManagementPortAndTheServicesOnTheirOwn() {
		ServiceLaunch gateway = this.plan.launch(ServiceName.GATEWAY);
		ServiceLaunch auth = this.plan.launch(ServiceName.AUTH);

		assertThat(gateway.environment()).containsEntry("MANAGEMENT_SERVER_PORT", "9080");
		assertThat(gateway.readinessUrl()).hasToString("http://127.0.0.1:9080/actuator/health/readiness");
		assertThat(auth.environment()).containsEntry("MANAGEMENT_SERVER_PORT", "9001");
		assertThat(auth.readinessUrl()).hasToString("http://127.0.0.1:9001/actuator/health/readiness");
		assertThat(this.plan.launch(ServiceName.PARTNER).environment()).doesNotContainKey("MANAGEMENT_SERVER_PORT");
	}

	@Test
	void everyServiceAndTheGatewayAreToldTheTokenIssuer() {
		for (ServiceName service : ServiceName.values()) {
			assertThat(this.plan.launch(service).environment()).as("environment of %s", service.module())
				.containsEntry("PARCOURS_SECURITY_ISSUER", "http://localhost:9000");
		}
	}

	@Test
	void anIssuerNamedByTheCallerReplacesTheLocalAuthorizationServer() {
		LaunchPlan outsideProvider = new LaunchPlan(ROOT, this.plan.logDirectory(), this.plan.ports(), this.plan.jvm(),
				this.plan.infrastructure(),
				Map.of("PARCOURS_SECURITY_ISSUER", "https://id.example.org/realms/parcours"));

		assertThat(outsideProvider.launch(ServiceName.SCHEDULING).environment())
			.containsEntry("PARCOURS_SECURITY_ISSUER", "https://id.example.org/realms/parcours");
		assertThat(outsideProvider.launch(ServiceName.GATEWAY).environment()).containsEntry("PARCOURS_SECURITY_ISSUER",
				"https://id.example.org/realms/parcours");
	}

	@Test
	void theAuthorizationServerHasItsOwnDatabaseAndTheDemoAccounts() {
		ServiceLaunch launch = this.plan.launch(ServiceName.AUTH);

		assertThat(launch.command()).endsWith("/work/parcours/authorization-server/target/authorization-server.jar");
		assertThat(launch.environment()).containsEntry("SERVER_PORT", "9000")
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/systest_7_auth")
			.containsEntry("PARCOURS_AUTH_ISSUER", "http://localhost:9000")
			.containsEntry("PARCOURS_AUTH_DEMO_USERS", "true");
		assertThat(this.plan.launch(ServiceName.BILLING).environment()).doesNotContainKey("PARCOURS_AUTH_DEMO_USERS");
	}

	@ParameterizedTest
	@CsvSource({ "PATIENT, PARCOURS_PATIENT_PATHWAYS_SAMPLE_TEMPLATES", "BILLING, PARCOURS_BILLING_SAMPLE_CATALOGUE" })
	void aServiceLoadsItsSampleDataLocallyAndNoOtherServiceIsToldTo(ServiceName service, String variable) {
		assertThat(this.plan.launch(service).environment()).containsEntry(variable, "true");
		assertThat(this.plan.launch(ServiceName.SCHEDULING).environment()).doesNotContainKey(variable);
	}

	@Test
	void secondInstancesHaveTheirOwnPortsAndLogsAndTheGatewayRoutesToBoth() {
		PortPlan second = PortPlan.defaults().shifted(10);
		LaunchPlan two = new LaunchPlan(ROOT, this.plan.logDirectory(), this.plan.ports(), this.plan.jvm(),
				this.plan.infrastructure(), Map.of(), List.of(second));

		ServiceLaunch scheduling2 = two.launch(ServiceName.SCHEDULING, 2);
		assertThat(scheduling2.name()).isEqualTo("scheduling-service-2");
		assertThat(scheduling2.environment()).containsEntry("SERVER_PORT", "8092")
			.containsEntry("SPRING_DATASOURCE_URL",
					two.launch(ServiceName.SCHEDULING).environment().get("SPRING_DATASOURCE_URL"));
		assertThat(scheduling2.environment()).containsEntry("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5");
		assertThat(scheduling2.logFile()).isEqualTo(ROOT.resolve(".parcours/logs/scheduling-service-2.log"));
		assertThat(scheduling2.readinessUrl()).hasToString("http://127.0.0.1:8092/actuator/health/readiness");
		ServiceLaunch auth2 = two.launch(ServiceName.AUTH, 2);
		assertThat(auth2.environment()).containsEntry("SERVER_PORT", "9010")
			.containsEntry("MANAGEMENT_SERVER_PORT", "9011")
			// One issuer whichever instance signs.
			.containsEntry("PARCOURS_AUTH_ISSUER", "http://localhost:9000");
		assertThat(two.launch(ServiceName.GATEWAY).environment())
			.containsEntry("PARCOURS_SCHEDULING_URL", "http://127.0.0.1:8082,http://127.0.0.1:8092")
			.containsEntry("PARCOURS_AUTH_URL", "http://127.0.0.1:9000,http://127.0.0.1:9010");
	}

	@Test
	void withSeveralInstancesEveryoneFetchesTheSigningKeysFromWhicheverAuthorizationServerAnswers() {
		LaunchPlan two = new LaunchPlan(ROOT, this.plan.logDirectory(), this.plan.ports(), this.plan.jvm(),
				this.plan.infrastructure(), Map.of(), List.of(PortPlan.defaults().shifted(10)));

		for (ServiceName service : List.of(ServiceName.GATEWAY, ServiceName.SCHEDULING, ServiceName.PATIENT)) {
			assertThat(two.launch(service).environment()).containsEntry("PARCOURS_SECURITY_JWK_SET_URI",
					"http://localhost:9000/oauth2/jwks,http://localhost:9010/oauth2/jwks");
		}
		assertThat(this.plan.launch(ServiceName.SCHEDULING).environment())
			.doesNotContainKey("PARCOURS_SECURITY_JWK_SET_URI");
	}

	@Test
	void aSecondGatewayHasItsOwnPortsAndRoutesToEveryInstance() {
		LaunchPlan two = new LaunchPlan(ROOT, this.plan.logDirectory(), this.plan.ports(), this.plan.jvm(),
				this.plan.infrastructure(), Map.of(), List.of(PortPlan.defaults().shifted(10)));

		ServiceLaunch gateway2 = two.launch(ServiceName.GATEWAY, 2);

		assertThat(gateway2.name()).isEqualTo("gateway-2");
		assertThat(gateway2.environment()).containsEntry("SERVER_PORT", "8090")
			.containsEntry("MANAGEMENT_SERVER_PORT", "9090")
			.containsEntry("PARCOURS_SCHEDULING_URL", "http://127.0.0.1:8082,http://127.0.0.1:8092");
	}

}
