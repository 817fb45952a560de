package care.parcours.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads what went onto a topic of the shared broker, from its beginning, to assert on
 * published events. Each instance has its own consumer group; close it when done.
 */
public final class PublishedEvents implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final List<Received> received = new ArrayList<>();

	/**
	 * One record read from the topic: its key, partition, offset, value and headers (the
	 * last value of each, as text).
	 */
	public record Received(String key, int partition, long offset, String value, Map<String, String> headers) {

		public Received {
			headers = Map.copyOf(headers);
		}

		/** The value of a header, such as {@code traceparent}; null when absent. */
		public @Nullable String header(String name) {
			return headers.get(name);
		}

		/**
		 * The value read as an event envelope; a value that is not JSON reads as a
		 * missing node.
		 */
		public JsonNode envelope() {
			try {
				return JSON.readTree(value);
			}
			catch (JacksonException ex) {
				return MissingNode.getInstance();
			}
		}

		public String type() {
			return envelope().path("type").asString();
		}

		public String id() {
			return envelope().path("id").asString();
		}

		public JsonNode data() {
			return envelope().path("data");
		}

	}

	private PublishedEvents(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topic));
	}

	public static PublishedEvents on(String topic) {
		return new PublishedEvents(TestKafka.bootstrapServers(), topic);
	}

	/** Reads a topic of another broker than the shared one (a {@link StoppableKafka}). */
	public static PublishedEvents on(String topic, String bootstrapServers) {
		return new PublishedEvents(bootstrapServers, topic);
	}

	/** Waits until an event matching the predicate has arrived, and returns it. */
	public Received await(Predicate<Received> matching) {
		return await(matching, Duration.ofSeconds(20));
	}

	public Received await(Predicate<Received> matching, Duration atMost) {
		return Awaitility.await().atMost(atMost).until(() -> {
			poll();
			return received.stream().filter(matching).findFirst().orElse(null);
		}, java.util.Objects::nonNull);
	}

	/** Everything read so far that matches, after one more poll. */
	public List<Received> all(Predicate<Received> matching) {
		poll();
		return received.stream().filter(matching).toList();
	}

	/** Every record read so far, after one more poll, whatever its value. */
	public List<Received> raw() {
		poll();
		return List.copyOf(received);
	}

	public static Predicate<Received> ofType(String type) {
		return r -> r.type().equals(type);
	}

	public static Predicate<Received> about(String subject) {
		return r -> r.envelope().path("subject").asString().equals(subject);
	}

	private void poll() {
		for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
			Map<String, String> headers = new HashMap<>();
			for (Header header : record.headers()) {
				if (header.value() != null) {
					headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
				}
			}
			received.add(new Received(record.key(), record.partition(), record.offset(), record.value(), headers));
		}
	}

	@Override
	public void close() {
		consumer.close();
	}

}
