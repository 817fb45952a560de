package care.parcours.platform.outbox;

import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * What the dashboards and alerts of ops/ read from every service's
 * {@code /actuator/prometheus}: the outbox's backlog and the age of its oldest event, the
 * Kafka consumers' lag and the dead letters, each exported from the start, before
 * anything happened. The application runs in a database of its own with its relay
 * switched off, so that an event written here stays in the outbox as long as the test
 * needs it.
 */
class OutboxMetricsIT {

	private static ConfigurableApplicationContext application;

	private static JdbcClient jdbc;

	@BeforeAll
	static void start() {
		TestPostgres.Database database = TestPostgres.createDatabase("OutboxMetricsIT");
		application = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
					"--spring.kafka.consumer.group-id=outbox-metrics-" + UUID.randomUUID(),
					"--parcours.events.start-from-latest=true", "--parcours.outbox.enabled=false");
		jdbc = application.getBean(JdbcClient.class);
	}

	@AfterAll
	static void stop() {
		application.close();
	}

	@Test
	void anEmptyOutboxExportsABacklogAndAnAgeOfZero() {
		assertThat(gauge("parcours.outbox.oldest.age")).isZero();
		assertThat(scrape())
			.containsPattern("(?m)^parcours_outbox_oldest_age_seconds\\{application=\"platform-test\"} 0\\.0$")
			.containsPattern("(?m)^parcours_outbox_pending\\{application=\"platform-test\"} 0\\.0$");
	}

	@Test
	void theOldestWaitingEventGivesTheBacklogItsAge() {
		write(UUID.randomUUID(), "now() - interval '90 seconds'");
		write(UUID.randomUUID(), "now()");
		try {
			// The database's clock dates the rows and measures their age: the only margin
			// is the time between the insert and the reading.
			assertThat(gauge("parcours.outbox.oldest.age")).isBetween(90.0, 150.0);
			assertThat(gauge("parcours.outbox.pending")).isEqualTo(2);
		}
		finally {
			jdbc.sql("delete from parcours_platform.outbox_event").update();
		}
	}

	@Test
	void consumerLagAndDeadLettersAreExportedFromTheStart() {
		await().untilAsserted(() -> assertThat(scrape())
			.as("the Kafka client's metrics of the event consumers, bound by the starter")
			.containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{.*application=\"platform-test\"")
			.as("dead letters of every consumed topic, counted from zero before the first")
			.containsPattern("(?m)^parcours_events_dead_lettered_total\\{application=\"platform-test\",topic=\""
					+ ThingEvent.TOPIC.replace(".", "\\.") + "\"} 0\\.0$"));
	}

	private static void write(UUID eventId, String createdAt) {
		jdbc.sql(
				"""
						insert into parcours_platform.outbox_event (event_id, topic, message_key, event_type, envelope, created_at)
						values (:id, 'parcours.platformtest.v1', :key, 'platformtest.thing.changed.v1', '{}', %s)
						"""
					.formatted(createdAt))
			.param("id", eventId)
			.param("key", eventId.toString())
			.update();
	}

	private static double gauge(String name) {
		return application.getBean(MeterRegistry.class).get(name).gauge().value();
	}

	private static String scrape() {
		return application.getBean(PrometheusMeterRegistry.class).scrape();
	}

}
