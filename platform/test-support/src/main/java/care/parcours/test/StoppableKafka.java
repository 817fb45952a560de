package care.parcours.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A Kafka broker (KRaft) of a test's own, which the test can stop and start again, as an
 * operator restarting the broker would: same port, same log, same topics. Never the
 * shared {@link TestKafka} broker, whose other users would see the outage. Close it when
 * done.
 */
public final class StoppableKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private StoppableKafka(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/** Starts a broker on a free port of its own. */
	public static StoppableKafka start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, TestKafka.PARTITIONS)
			// A fixed port: clients given it find the broker again after a restart.
			.kafkaPorts(freePort());
		broker.brokerProperties(
				Map.of("auto.create.topics.enable", "true", "num.partitions", String.valueOf(TestKafka.PARTITIONS),
						"group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "1"));
		broker.afterPropertiesSet();
		return new StoppableKafka(broker);
	}

	public String bootstrapServers() {
		return broker.getBrokersAsString();
	}

	/**
	 * Stops the broker at once, without a controlled shutdown: its port refuses
	 * connections until {@link #restart()}. The controller (same node) keeps the
	 * cluster's metadata meanwhile.
	 */
	public void stop() {
		broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
	}

	/** Starts the stopped broker again, with what it had written. */
	public void restart() {
		broker.getCluster().brokers().values().forEach(BrokerServer::startup);
	}

	@Override
	public void close() {
		broker.destroy();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
