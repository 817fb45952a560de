package care.parcours.platform.consumer;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.platform.testapp.ThingWatcher;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka delivers at least once: the same event arriving twice must change the consumer's
 * state once.
 */
@ParcoursTest(classes = TestApplication.class)
class IdempotentConsumerIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ThingWatcher watcher;

	@Value("${spring.kafka.consumer.group-id}")
	String group;

	@Test
	void aRedeliveredEventChangesNothingTheSecondTime() throws Exception {
		UUID thing = UUID.randomUUID();
		EventEnvelope envelope = new EventCodec("/parcours/elsewhere").envelope(new ThingEvent.ThingChanged(thing, 7),
				thing.toString(), 7, Instant.now(), "corr-redelivery", null);
		String json = new EventCodec("/parcours/elsewhere").write(envelope);
		double duplicatesBefore = duplicates();

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				java.util.Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(ThingEvent.TOPIC, thing.toString(), json)).get();
			producer.send(new ProducerRecord<>(ThingEvent.TOPIC, thing.toString(), json)).get();
		}

		await().untilAsserted(() -> assertThat(duplicates()).isEqualTo(duplicatesBefore + 1));
		assertThat(jdbc.sql("select changes from thing_change_count where thing_id = ?")
			.param(thing)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select last_correlation_id from thing_change_count where thing_id = ?")
			.param(thing)
			.query(String.class)
			.single()).as("the handler ran under the event's correlation id").isEqualTo("corr-redelivery");
		assertThat(watcher.timesSeen(thing)).as("the other handler of the type, once too").isEqualTo(1);
	}

	@Test
	void aHandlerReadsTheCarePathwayOfTheEnvelope() {
		UUID thing = UUID.randomUUID();
		UUID pathway = UUID.randomUUID();

		TestEvents.publish(new ThingEvent.ThingChanged(thing, 1), thing, 1, pathway, Instant.now());

		await().untilAsserted(
				() -> assertThat(jdbc.sql("select last_pathway_id from thing_change_count where thing_id = ?")
					.param(thing)
					.query(String.class)
					.optional()).contains(pathway.toString()));
	}

	@Test
	void anUnreadableEventIsSetAsideAndTheNextOneIsHandled() throws Exception {
		UUID thing = UUID.randomUUID();
		EventCodec codec = new EventCodec("/parcours/elsewhere");
		String good = codec.write(codec.envelope(new ThingEvent.ThingChanged(thing, 1), thing.toString(), 1,
				Instant.now(), "corr-next", null));

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				java.util.Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(ThingEvent.TOPIC, thing.toString(), "{not json")).get();
			producer.send(new ProducerRecord<>(ThingEvent.TOPIC, thing.toString(), good)).get();
		}

		await().untilAsserted(() -> assertThat(jdbc.sql("select count(*) from thing_change_count where thing_id = ?")
			.param(thing)
			.query(Long.class)
			.single()).isEqualTo(1));
		try (care.parcours.test.PublishedEvents deadLetters = care.parcours.test.PublishedEvents
			.on(ThingEvent.TOPIC + "." + group + ".dlt")) {
			// A dead letter keeps the original bytes, which are not an envelope: read the
			// raw key.
			await().untilAsserted(() -> assertThat(deadLettersFor(deadLetters, thing)).isPositive());
		}
		assertThat(meters.find("parcours.events.dead_lettered").tag("topic", ThingEvent.TOPIC).counter()).isNotNull()
			.satisfies(counter -> assertThat(counter.count()).isPositive());
	}

	private static long deadLettersFor(care.parcours.test.PublishedEvents deadLetters, UUID thing) {
		return deadLetters.raw().stream().filter(r -> thing.toString().equals(r.key())).count();
	}

	private double duplicates() {
		var counter = meters.find("parcours.events.consumed")
			.tag("type", "platformtest.thing.changed.v1")
			.tag("outcome", "duplicate")
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
