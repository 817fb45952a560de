package care.parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerIT {

	private static final String TOPIC = "parcours.local-test.v1";

	@TempDir
	Path logDirectory;

	@Test
	void recordsSurviveARestartOnTheSameDirectory() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.logDirectory, 0)) {
			send(broker.bootstrapServers(), "pathway-1", "opened");
		}
		assertThat(this.logDirectory.resolve("meta.properties")).exists();

		// Another port on purpose: the port is configuration, not part of the stored
		// state.
		try (KafkaBroker broker = KafkaBroker.start(this.logDirectory, 0)) {
			List<String> received = new ArrayList<>();
			try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
				consumer.subscribe(List.of(TOPIC));
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
						received.add(record.key() + "=" + record.value());
					}
					assertThat(received).containsExactly("pathway-1=opened");
				});
			}
		}
	}

	@Test
	void topicsAreCreatedOnFirstUseWithThreePartitions() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(this.logDirectory, 0)) {
			send(broker.bootstrapServers(), "quote-1", "issued");
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
				assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
					.hasSize(3);
			}
		}
	}

	private static void send(String bootstrapServers, String key, String value)
			throws InterruptedException, ExecutionException {
		Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
		}
	}

	private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
	}

}
