package care.parcours.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The one in-process Kafka broker (KRaft) of this test JVM, started on first use and
 * stopped when the JVM exits. Topics are created on first use, with {@value #PARTITIONS}
 * partitions so that ordering by key is actually exercised.
 */
public final class TestKafka {

	public static final int PARTITIONS = 3;

	private static @Nullable EmbeddedKafkaBroker broker;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
			started.brokerProperties(
					Map.of("auto.create.topics.enable", "true", "num.partitions", String.valueOf(PARTITIONS),
							"group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "3"));
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
			broker = started;
		}
		return broker.getBrokersAsString();
	}

}
