package care.parcours.local;

import java.nio.file.Path;

/**
 * Where the services find Kafka: a broker that already runs, or an in-process KRaft
 * broker that the platform starts and whose data survives restarts.
 */
public sealed interface KafkaSource {

	/** A broker that runs already, such as a test's own in-process broker. */
	static KafkaSource external(String bootstrapServers) {
		return new External(bootstrapServers);
	}

	/**
	 * An in-process broker (single KRaft node, broker and controller combined) keeping
	 * its logs in the directory; formatted on first use, reused afterwards.
	 * @param port the client port on 127.0.0.1, or 0 for any free port
	 */
	static KafkaSource embedded(Path logDirectory, int port) {
		return new Embedded(logDirectory, port);
	}

	record External(String bootstrapServers) implements KafkaSource {

		public External {
			if (bootstrapServers.isBlank()) {
				throw new IllegalArgumentException("Kafka bootstrap servers must not be blank");
			}
		}

	}

	record Embedded(Path logDirectory, int port) implements KafkaSource {

		public Embedded {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Kafka port " + port + " is not a TCP port");
			}
		}

	}

}
