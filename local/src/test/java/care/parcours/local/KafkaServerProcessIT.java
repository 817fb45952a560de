package care.parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaServerProcessIT {

	private static final String TOPIC = "parcours.fault-test.v1";

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void anAcknowledgedRecordSurvivesASigkillAndAProducerSendsAgainOnceTheBrokerIsBack() throws Exception {
		try (KafkaServerProcess kafka = KafkaServerProcess.start(this.directory, 0)) {
			String address = kafka.bootstrapServers();
			try (KafkaProducer<String, String> producer = producer(address)) {
				producer.send(new ProducerRecord<>(TOPIC, "booking-1", "booked")).get();

				kafka.kill();
				assertThat(kafka.isRunning()).isFalse();
				// The producer may first wait for the topic's metadata, blocking the
				// caller
				// until the broker is back: it sends from a thread of its own.
				ExecutorService sender = Executors.newSingleThreadExecutor();
				try {
					Future<RecordMetadata> sentWhileDown = sender
						.submit(() -> producer.send(new ProducerRecord<>(TOPIC, "booking-1", "cancelled")).get());
					kafka.start();
					assertThat(kafka.bootstrapServers()).isEqualTo(address);
					sentWhileDown.get(150, TimeUnit.SECONDS);
				}
				finally {
					sender.shutdownNow();
				}
			}
			List<String> received = new ArrayList<>();
			try (KafkaConsumer<String, String> consumer = consumer(address)) {
				consumer.subscribe(List.of(TOPIC));
				await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
						received.add(record.key() + "=" + record.value());
					}
					assertThat(received).containsExactly("booking-1=booked", "booking-1=cancelled");
				});
			}
		}
	}

	private static KafkaProducer<String, String> producer(String bootstrapServers) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
						5_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
				new StringSerializer(), new StringSerializer());
	}

	private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
	}

}
