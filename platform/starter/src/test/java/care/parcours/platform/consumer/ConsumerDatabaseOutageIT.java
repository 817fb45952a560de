package care.parcours.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.testapp.StoppablePostgres;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.test.TestEvents;
import care.parcours.test.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
 * The service's PostgreSQL crashes while events keep arriving. No event may be taken as
 * handled (its offset committed, or set aside on the dead-letter topic) before its effect
 * is committed; once PostgreSQL is back, each is applied exactly once.
 */
class ConsumerDatabaseOutageIT {

	private static final String GROUP = "consumer-outage-" + UUID.randomUUID();

	private static StoppablePostgres postgres;

	private static ConfigurableApplicationContext application;

	private static Admin admin;

	@BeforeAll
	static void start() {
		postgres = StoppablePostgres.start();
		String url = postgres.createDatabase("consumer_outage");
		application = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
					"--spring.kafka.consumer.group-id=" + GROUP, "--parcours.events.start-from-latest=true",
					// Short waits, so that a consumer giving up on the database would do
					// so
					// well within the outage.
					"--spring.datasource.hikari.connection-timeout=1000", "--parcours.events.max-attempts=3",
					"--parcours.events.initial-retry-interval=200ms", "--parcours.events.max-retry-interval=1s");
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
	}

	@AfterAll
	static void stop() {
		admin.close();
		application.close();
		postgres.close();
	}

	@Test
	void eventsArrivingWhilePostgresIsDownAreAppliedOnceWhenItIsBackAndNotAcknowledgedBefore() throws Exception {
		UUID before = UUID.randomUUID();
		TestEvents.publish(new ThingEvent.ThingChanged(before, 1), before, 1);
		await().until(() -> changes(before) == 1);
		Map<TopicPartition, Long> ends = endOffsets();
		await().until(() -> !committed().isEmpty() && committedUpTo(ends));

		postgres.crash();
		List<UUID> things = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			UUID thing = UUID.randomUUID();
			things.add(thing);
			TestEvents.publish(new ThingEvent.ThingChanged(thing, 1), thing, 1);
		}
		// Long enough for a consumer that gives up on the database to set them aside.
		await().during(Duration.ofSeconds(12))
			.atMost(Duration.ofSeconds(20))
			.until(() -> committedUpTo(ends) && deadLettered() == 0);

		postgres.restart();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(things).allSatisfy(thing -> assertThat(changes(thing)).isEqualTo(1)));
		Map<TopicPartition, Long> after = endOffsets();
		await().until(() -> committedUpTo(after) && committed().keySet().containsAll(changed(ends, after)));
		assertThat(deadLettered()).isZero();
		assertThat(jdbc().sql("select count(*) from parcours_platform.handled_event where consumer = ?")
			.param(GROUP)
			.query(Long.class)
			.single()).as("events recorded as handled").isEqualTo(things.size() + 1);
	}

	/**
	 * Whether no partition's committed offset is past {@code ends} (and each is at it).
	 */
	private static boolean committedUpTo(Map<TopicPartition, Long> ends) throws Exception {
		Map<TopicPartition, Long> committed = committed();
		return committed.entrySet().stream().allMatch(entry -> entry.getValue().equals(ends.get(entry.getKey())));
	}

	private static List<TopicPartition> changed(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
		return after.keySet()
			.stream()
			.filter(partition -> !after.get(partition).equals(before.get(partition)))
			.toList();
	}

	private static long changes(UUID thing) {
		try {
			return jdbc().sql("select coalesce(sum(changes), 0) from thing_change_count where thing_id = ?")
				.param(thing)
				.query(Long.class)
				.single();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static JdbcClient jdbc() {
		return application.getBean(JdbcClient.class);
	}

	private static double deadLettered() {
		return application.getBean(MeterRegistry.class)
			.get("parcours.events.dead_lettered")
			.tag("topic", ThingEvent.TOPIC)
			.counter()
			.count();
	}

	private static Map<TopicPartition, Long> committed() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, Long> committed = new java.util.HashMap<>();
		offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
		return committed;
	}

	private static Map<TopicPartition, Long> endOffsets() throws Exception {
		Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
		for (int partition = 0; partition < TestKafka.PARTITIONS; partition++) {
			latest.put(new TopicPartition(ThingEvent.TOPIC, partition), OffsetSpec.latest());
		}
		Map<TopicPartition, Long> ends = new java.util.HashMap<>();
		admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

}
