package care.parcours.platform.outbox;

import java.time.Duration;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.platform.testapp.Things;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the broker refuses at once (here one larger than it takes) stops the relay,
 * since the events behind it must not overtake it. The relay must then try again at a
 * measured pace, not at every commit of a service writing at full speed, and it must say
 * so: the failures counted, the backlog growing.
 */
class OutboxRelayBackoffIT {

	private static ConfigurableApplicationContext application;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		TestPostgres.Database database = TestPostgres.createDatabase("OutboxRelayBackoffIT");
		application = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
					"--spring.kafka.consumer.group-id=outbox-backoff-" + UUID.randomUUID(),
					"--parcours.events.start-from-latest=true",
					"--spring.kafka.producer.properties.interceptor.classes=" + HandedRecords.class.getName(),
					"--parcours.outbox.retry-backoff=1s", "--parcours.outbox.max-retry-backoff=2s");
		jdbc = application.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void aRelayTheBrokerRefusesTriesAgainAtAMeasuredPaceNotAtEveryCommit() {
		Things things = application.getBean(Things.class);
		UUID poison = UUID.randomUUID();
		jdbc.sql("""
				insert into parcours_platform.outbox_event (event_id, topic, message_key, event_type, envelope)
				values (:id, :topic, :key, 'platformtest.thing.changed.v1', :envelope)
				""")
			.param("id", poison)
			.param("topic", ThingEvent.TOPIC)
			.param("key", poison.toString())
			.param("envelope", "x".repeat(2 * 1024 * 1024))
			.update();
		UUID thing = UUID.randomUUID();
		long handedBefore = HandedRecords.count();
		long started = System.nanoTime();

		things.create(thing, "thing", "SMALL");
		for (int i = 0; i < 100; i++) {
			// Each commit wakes the relay.
			things.change(thing);
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		long handed = HandedRecords.count() - handedBefore;

		assertThat(handed).as("attempts in %d s of writes, each commit waking the relay", seconds)
			.isLessThanOrEqualTo(2 + seconds);
		assertThat(meter("parcours.outbox.failures")).as("failed rounds counted").isPositive();
		assertThat(pending()).as("the backlog behind the refused event").isGreaterThanOrEqualTo(102);

		// An operator sets the refused event aside: the rest goes out, in order.
		jdbc.sql("delete from parcours_platform.outbox_event where event_id = ?").param(poison).update();
		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
			await().untilAsserted(() -> assertThat(events.all(PublishedEvents.about(thing.toString())))
				.extracting(received -> received.data().path("sequence").asLong())
				.startsWith(0L, 1L, 2L)
				.hasSize(101)
				.isSorted());
		}
	}

	private static double pending() {
		return application.getBean(MeterRegistry.class).get("parcours.outbox.pending").gauge().value();
	}

	private static double meter(String name) {
		return application.getBean(MeterRegistry.class).get(name).counter().count();
	}

}
