package care.parcours.bench;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/** Publishes events as the other services would, to seed a service under test. */
public final class Seeder implements AutoCloseable {

	private final EventCodec codec = new EventCodec("/parcours/benchmark");

	private final KafkaProducer<String, String> producer;

	public Seeder(String bootstrapServers) {
		// One request in flight: seeding starts moments after the service created the
		// topics. A first batch refused while a partition elects its leader must not be
		// overtaken by the next, or the broker refuses it as out of sequence until the
		// delivery timeout.
		producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", "5",
				"max.in.flight.requests.per.connection", "1"), new StringSerializer(), new StringSerializer());
	}

	public Future<RecordMetadata> publish(DomainEvent event, Object subject) {
		return publish(event, subject, 0, null);
	}

	/**
	 * As a service's outbox publishes a change of version {@code aggregateVersion} of its
	 * subject; with the care pathway's id on the envelope when it is made for one.
	 */
	public Future<RecordMetadata> publish(DomainEvent event, Object subject, long aggregateVersion,
			@Nullable UUID pathwayId) {
		String json = codec.write(codec.envelope(event, subject.toString(), aggregateVersion, Instant.now(),
				"bench-" + subject, pathwayId == null ? null : pathwayId.toString()));
		return producer.send(new ProducerRecord<>(EventCatalog.topicOf(event.getClass()), subject.toString(), json));
	}

	/** Returns once every event published so far is on the broker. */
	public void flush() {
		producer.flush();
	}

	@Override
	public void close() {
		producer.close();
	}

}
