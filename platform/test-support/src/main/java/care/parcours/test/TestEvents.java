package care.parcours.test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events onto the shared broker as another service would, for tests of
 * consumers.
 */
public final class TestEvents {

	private static final EventCodec CODEC = new EventCodec("/parcours/test");

	private TestEvents() {
	}

	/**
	 * Publishes the event on its topic, keyed by {@code subject}, and waits for the
	 * broker.
	 */
	public static EventEnvelope publish(DomainEvent event, Object subject, long aggregateVersion) {
		return publish(event, subject, aggregateVersion, null, Instant.now());
	}

	/**
	 * Publishes the event of a care pathway's work ({@code pathwayId} on the envelope, as
	 * {@code Outbox.publish} puts it), stamped with the time the change happened: an
	 * event published late carries an earlier time, as one held up on its way would.
	 */
	public static EventEnvelope publish(DomainEvent event, Object subject, long aggregateVersion,
			@Nullable UUID pathwayId, Instant time) {
		EventEnvelope envelope = CODEC.envelope(event, subject.toString(), aggregateVersion, time, "test-" + subject,
				pathwayId == null ? null : pathwayId.toString());
		publish(EventCatalog.topicOf(event.getClass()), envelope.subject(), CODEC.write(envelope));
		return envelope;
	}

	/** Publishes an envelope again, as a redelivery would. */
	public static void redeliver(EventEnvelope envelope, Class<? extends DomainEvent> family) {
		publish(EventCatalog.topicOf(family), envelope.subject(), CODEC.write(envelope));
	}

	private static void publish(String topic, String key, String value) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the test event", ex);
		}
	}

}
