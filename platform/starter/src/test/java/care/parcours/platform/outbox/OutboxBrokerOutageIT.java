package care.parcours.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.platform.testapp.Things;
import care.parcours.test.PublishedEvents;
import care.parcours.test.PublishedEvents.Received;
import care.parcours.test.StoppableKafka;
import care.parcours.test.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away for a while and comes back. Meanwhile the service keeps writing:
 * its events wait in the outbox, whose backlog the metrics show, and the relay neither
 * spins nor piles copies of the waiting events into the producer; once the broker is back
 * every event goes out, in order per aggregate.
 */
class OutboxBrokerOutageIT {

	private static final int BATCH = 50;

	private static StoppableKafka kafka;

	private static ConfigurableApplicationContext application;

	@BeforeAll
	static void start() {
		kafka = StoppableKafka.start();
		TestPostgres.Database database = TestPostgres.createDatabase("OutboxBrokerOutageIT");
		application = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--spring.kafka.producer.properties.interceptor.classes=" + HandedRecords.class.getName(),
					"--parcours.outbox.batch-size=" + BATCH, "--parcours.outbox.send-timeout=3s");
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		kafka.close();
	}

	@Test
	void eventsWrittenWhileTheBrokerIsDownWaitInTheOutboxAndGoOutInOrderOnceItIsBack() {
		Things things = application.getBean(Things.class);
		List<UUID> aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		aggregates.forEach(id -> things.create(id, "thing", "SMALL"));
		// The relay knows the broker and the topic before it goes.
		await().until(() -> pending() == 0);

		kafka.stop();
		long handedBefore = HandedRecords.count();
		for (int round = 0; round < 40; round++) {
			aggregates.forEach(things::change);
		}
		int written = 3 + 40 * 3;

		await().atMost(Duration.ofSeconds(10)).until(() -> pending() >= 120);
		// Long enough for a relay that retries every few seconds to try many times.
		await().during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(30)).until(() -> pending() >= 120);
		long handedDuringOutage = HandedRecords.count() - handedBefore;

		kafka.restart();
		await().atMost(Duration.ofSeconds(90)).until(() -> pending() == 0);

		assertThat(handedDuringOutage)
			.as("records handed to the producer in 20 s without a broker: one batch, then a probe now and then")
			.isLessThanOrEqualTo(BATCH + 10);
		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC, kafka.bootstrapServers())) {
			await().atMost(Duration.ofSeconds(30)).until(() -> events.raw().size() >= written);
			Map<String, List<Long>> firstSeen = new LinkedHashMap<>();
			List<String> ids = new ArrayList<>();
			for (Received received : events.raw()) {
				List<Long> sequences = firstSeen.computeIfAbsent(received.key(), key -> new ArrayList<>());
				long sequence = received.data().path("sequence").asLong();
				if (!sequences.contains(sequence)) {
					sequences.add(sequence);
				}
				ids.add(received.id());
			}
			for (UUID aggregate : aggregates) {
				assertThat(firstSeen.get(aggregate.toString())).as("versions of %s, as first received", aggregate)
					.isSorted()
					.hasSize(41);
			}
			assertThat(ids).as("event ids received").doesNotHaveDuplicates();
		}
	}

	private static double pending() {
		return application.getBean(MeterRegistry.class).get("parcours.outbox.pending").gauge().value();
	}

}
