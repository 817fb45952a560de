package care.parcours.system.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** A topic's events as an outside reader sees them, from its beginning. */
final class TopicEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TopicEvents() {
	}

	/**
	 * The topic's events from its beginning, in each partition's order, read until the
	 * end of the topic is reached and what was read is {@code enough}.
	 */
	static List<JsonNode> read(String bootstrapServers, String topic, Predicate<List<JsonNode>> enough) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<JsonNode> events = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					events.add(JSON.readTree(record.value()));
				}
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				boolean atEnd = partitions.stream()
					.allMatch((partition) -> consumer.position(partition) >= ends.get(partition));
				return atEnd && enough.test(events);
			});
		}
		return events;
	}

	/** Whether the event is of the type and its data's field has the value. */
	static boolean is(JsonNode event, String type, String field, String value) {
		return event.path("type").asString().equals(type) && event.path("data").path(field).asString().equals(value);
	}

}
