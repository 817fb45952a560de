package care.parcours.platform.database;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import care.parcours.platform.testapp.StoppablePostgres;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.test.TestKafka;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL crashes under a running service and comes back. Meanwhile the service
 * answers at once that it is unavailable, with {@code Retry-After}, rather than keeping
 * requests hanging, and says it is not ready; once PostgreSQL is back it answers again
 * and is ready, without a restart of its own: its pool reconnects.
 */
class DatabaseRestartIT {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static StoppablePostgres postgres;

	private static ConfigurableApplicationContext application;

	private static String base;

	@BeforeAll
	static void start() {
		postgres = StoppablePostgres.start();
		String url = postgres.createDatabase("database_restart");
		application = new SpringApplicationBuilder(TestApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
				"--parcours.events.start-from-latest=true", "--parcours.security.issuer=" + TestTokens.ISSUER,
				"--parcours.security.public-key=" + TestTokens.publicKeyPem(),
				// Every partner token's check re-reads the revoked clients at once.
				"--parcours.security.revocation-refresh=1ms");
		base = "http://127.0.0.1:" + ((WebServerApplicationContext) application).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		application.close();
		postgres.close();
	}

	@Test
	void whilePostgresIsDownTheServiceAnswers503WithRetryAfterAndIsNotReadyThenRecoversByItself() throws Exception {
		HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/things"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lamp\",\"kind\":\"SMALL\",\"count\":1}")));
		assertThat(created.statusCode()).isEqualTo(201);
		String thing = created.headers().firstValue("Location").orElseThrow();
		assertThat(readiness()).isEqualTo(200);

		postgres.crash();

		// Not hanging: answered well within the gateway's 10 s (the HTTP client's limit).
		HttpResponse<String> unavailable = send(HttpRequest.newBuilder(URI.create(base + thing)).GET());
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(unavailable.body()).contains("service-unavailable").doesNotContain("PSQL", "Connection");
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
		// A partner's token is checked against the revoked clients, read from the
		// database by a filter before any controller: the same answer, not a 500.
		HttpResponse<String> unchecked = http.send(HttpRequest.newBuilder(URI.create(base + thing))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", TestTokens.partner(UUID.randomUUID()).bearer())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unchecked.statusCode()).isEqualTo(503);
		assertThat(unchecked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unchecked.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(unchecked.body()).contains("service-unavailable").doesNotContain("PSQL", "backend");

		postgres.restart();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> send(HttpRequest.newBuilder(URI.create(base + thing)).GET()).statusCode() == 200);
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
	}

	private static int readiness() throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(10))
			.header("Authorization", TestTokens.staff("coordinator").bearer())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
