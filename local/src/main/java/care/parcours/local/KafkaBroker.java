package care.parcours.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka server (KRaft, one node that is both broker and controller) in this JVM,
 * with its logs in a directory of our choosing so that topics, records and committed
 * offsets survive a restart. Spring Kafka's {@code EmbeddedKafkaKraftBroker} would format
 * a temporary directory on every start, which suits tests but not a platform whose data
 * should outlive it.
 */
final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private static final int NODE_ID = 1;

	private static final String CONTROLLER = "CONTROLLER";

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Starts a broker on 127.0.0.1, formatting the directory first unless an earlier run
	 * did.
	 * @param port the client port, 0 for any free one
	 */
	static KafkaBroker start(Path logDirectory, int port) {
		int clientPort = (port != 0) ? port : Ports.free();
		if (Ports.inUse(clientPort)) {
			throw new LocalPlatformException("Port " + clientPort + " for Kafka is already in use"
					+ " (another Parcours or Kafka?); set PARCOURS_KAFKA_PORT to use another one.");
		}
		// A static voter set: the controller's own address is configuration, not stored
		// state, so a new free port on every start does no harm.
		KafkaConfig config = new KafkaConfig(settings(logDirectory.toAbsolutePath(), clientPort, Ports.free()));
		try {
			Files.createDirectories(logDirectory);
			if (!Files.exists(logDirectory.resolve("meta.properties"))) {
				format(config, logDirectory.toAbsolutePath());
			}
			KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
			server.startup();
			log.debug("Kafka broker started on 127.0.0.1:{} with logs in {}", clientPort, logDirectory);
			return new KafkaBroker(server, "127.0.0.1:" + clientPort);
		}
		catch (IOException ex) {
			throw new LocalPlatformException("Could not prepare Kafka's log directory " + logDirectory, ex);
		}
	}

	static Map<String, String> settings(Path logDirectory, int clientPort, int controllerPort) {
		Map<String, String> settings = new HashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", String.valueOf(NODE_ID));
		settings.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
		settings.put("listeners",
				"PLAINTEXT://127.0.0.1:" + clientPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
		settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
		settings.put("controller.listener.names", CONTROLLER);
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
		settings.put("log.dirs", logDirectory.toString());
		settings.put("auto.create.topics.enable", "true");
		// Three partitions, as in production, so that ordering per key is exercised.
		settings.put("num.partitions", "3");
		settings.put("default.replication.factor", "1");
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		// Consumers of a freshly started service should not wait for a rebalance delay.
		settings.put("group.initial.rebalance.delay.ms", "0");
		return settings;
	}

	static void format(KafkaConfig config, Path logDirectory) {
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(NODE_ID)
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName(CONTROLLER)
				.setMetadataLogDirectory(config.metadataLogDir())
				.addDirectory(logDirectory.toString())
				.run();
			log.debug("Formatted Kafka storage in {}", logDirectory);
		}
		catch (Exception ex) {
			throw new LocalPlatformException("Could not format Kafka's log directory " + logDirectory, ex);
		}
	}

	/** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
	String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** Stops the broker and waits until its logs are flushed and closed. */
	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
