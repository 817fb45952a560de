package care.parcours.platform.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import care.parcours.platform.testapp.RequestGate;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.test.PublishedEvents;
import care.parcours.test.PublishedEvents.Received;
import care.parcours.test.TestEvents;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import care.parcours.test.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service told to stop (SIGTERM closes the application context) while a request is
 * under way and events are being consumed: the request finishes and its answer is sent,
 * the event it wrote is relayed before the relay stops, and the consumers have committed
 * exactly what they applied, so that the next instance neither misses nor repeats work.
 */
class GracefulShutdownIT {

	private static final String GROUP = "graceful-" + UUID.randomUUID();

	@Test
	void aStoppingServiceFinishesItsRequestsRelaysTheirEventsAndCommitsWhatItConsumed() throws Exception {
		TestPostgres.Database database = TestPostgres.createDatabase("GracefulShutdownIT");
		ConfigurableApplicationContext application = new SpringApplicationBuilder(TestApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
				"--spring.kafka.consumer.group-id=" + GROUP, "--parcours.events.start-from-latest=true",
				"--parcours.security.issuer=" + TestTokens.ISSUER,
				"--parcours.security.public-key=" + TestTokens.publicKeyPem());
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		RequestGate gate = application.getBean(RequestGate.class);
		JdbcClient jdbc = JdbcClient
			.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
		List<UUID> consumed = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			UUID thing = UUID.randomUUID();
			consumed.add(thing);
			TestEvents.publish(new ThingEvent.ThingChanged(thing, 1), thing, 1);
		}
		CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things/held"))
				.header("Authorization", TestTokens.staff("coordinator").bearer())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lamp\",\"kind\":\"SMALL\",\"count\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		await().until(gate::entered);

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(application::close);
		// The server takes no new connection: the graceful shutdown has begun, and waits
		// for the request held.
		await().until(() -> refusesConnections(port));
		gate.release();

		HttpResponse<String> answer = held.get(30, TimeUnit.SECONDS);
		stopping.get(90, TimeUnit.SECONDS);

		assertThat(answer.statusCode()).as("the request under way finished").isEqualTo(201);
		String created = answer.headers().firstValue("Location").orElseThrow().replace("/things/", "");
		assertThat(jdbc.sql("select count(*) from parcours_platform.outbox_event").query(Long.class).single())
			.as("events left in the outbox")
			.isZero();
		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			events.await(PublishedEvents.about(created));
			Map<TopicPartition, Long> committed = committedOffsets();
			for (UUID thing : consumed) {
				Received event = events.await(PublishedEvents.about(thing.toString()));
				boolean applied = jdbc.sql("select count(*) from thing_change_count where thing_id = ?")
					.param(thing)
					.query(Long.class)
					.single() == 1;
				long committedOffset = committed.getOrDefault(new TopicPartition(ThingEvent.TOPIC, event.partition()),
						-1L);
				assertThat(event.offset() < committedOffset)
					.as("event of %s committed, as it was applied (%s)", thing, applied)
					.isEqualTo(applied);
			}
		}
	}

	private static boolean refusesConnections(int port) {
		try (Socket ignored = new Socket("127.0.0.1", port)) {
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Map<TopicPartition, Long> committedOffsets() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			Map<TopicPartition, Long> offsets = new HashMap<>();
			admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get()
				.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
			return offsets;
		}
	}

}
