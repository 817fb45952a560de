package care.parcours.system.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
		List<JsonNode> events = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
			List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
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

	/**
	 * Sends again, to the partition it was read from, with its key and headers, the
	 * record of each of these events: what a broker does when a consumer dies before
	 * committing its offsets, or a relay when it dies before marking what it sent.
	 * Returns how many were sent.
	 */
	static int sendAgain(String bootstrapServers, String topic, Set<String> eventIds) {
		Map<String, ConsumerRecord<String, String>> records = new LinkedHashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
			fromTheBeginning(consumer, topic);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					String id = JSON.readTree(record.value()).path("id").asString();
					if (eventIds.contains(id)) {
						records.putIfAbsent(id, record);
					}
				}
				return records.size() == eventIds.size();
			});
		}
		Properties producerProperties = new Properties();
		producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties)) {
			for (ConsumerRecord<String, String> record : records.values()) {
				producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
						record.headers()));
			}
			producer.flush();
		}
		return records.size();
	}

	/** Gives the consumer every partition of the topic, each from its beginning. */
	private static List<TopicPartition> fromTheBeginning(KafkaConsumer<String, String> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return partitions;
	}

	private static Properties consumerProperties(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return properties;
	}

	/** Whether the event is of the type and its data's field has the value. */
	static boolean is(JsonNode event, String type, String field, String value) {
		return event.path("type").asString().equals(type) && event.path("data").path(field).asString().equals(value);
	}

}
