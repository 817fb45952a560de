package care.parcours.platform.outbox;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.test.PublishedEvents;
import care.parcours.test.PublishedEvents.Received;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills a service process between the commit of a change and the publication of its
 * event, then starts the service again: the event is published, exactly as it was
 * written.
 */
class OutboxCrashIT {

	@Test
	void anEventCommittedBeforeTheProcessDiedIsPublishedAfterRestart() throws Exception {
		TestPostgres.Database database = TestPostgres.createDatabase("OutboxCrashIT");
		String kafka = TestKafka.bootstrapServers();
		UUID thing = UUID.randomUUID();

		Process writer = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
				CrashingWriter.class.getName(), database.jdbcUrl(), database.username(), database.password(), kafka,
				thing.toString())
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "crashing-writer.log").toFile())
			.start();
		assertThat(writer.waitFor(120, TimeUnit.SECONDS)).as("the writer process ended").isTrue();
		assertThat(writer.exitValue()).as("the writer died in the relay (see target/crashing-writer.log)")
			.isEqualTo(HaltBeforeSend.EXIT_CODE);

		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					database.jdbcUrl(), database.username(), database.password()));
			assertThat(jdbc.sql("select count(*) from thing where id = ?").param(thing).query(Long.class).single())
				.as("the change committed")
				.isEqualTo(1);
			assertThat(events.all(PublishedEvents.about(thing.toString()))).as("nothing reached Kafka").isEmpty();

			try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(TestApplication.class)
				.web(WebApplicationType.NONE)
				.run("--spring.datasource.url=" + database.jdbcUrl(),
						"--spring.datasource.username=" + database.username(),
						"--spring.datasource.password=" + database.password(),
						"--spring.kafka.bootstrap-servers=" + kafka)) {
				Received published = events.await(PublishedEvents.about(thing.toString()));

				assertThat(published.type()).isEqualTo("platformtest.thing.changed.v1");
				assertThat(published.data().path("thingId").asString()).isEqualTo(thing.toString());
				await().untilAsserted(() -> assertThat(
						jdbc.sql("select count(*) from parcours_platform.outbox_event").query(Long.class).single())
					.isZero());
				List<Received> all = events.all(PublishedEvents.about(thing.toString()));
				assertThat(all).extracting(Received::id).containsOnly(published.id());
			}
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
			.toString();
	}

}
