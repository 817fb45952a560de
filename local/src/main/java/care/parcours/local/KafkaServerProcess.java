package care.parcours.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka server (KRaft, one node both broker and controller) in a JVM of its own,
 * started from the Kafka server jars this JVM already has ({@code kafka.Kafka
 * server.properties}), so that it can be killed, stopped and started again while the JVM
 * that owns it goes on: a fault runner's broker. Its logs, client port and controller
 * port stay the same across restarts, so clients reconnect to the same address and find
 * their topics and offsets.
 *
 * <pre>
 * try (KafkaServerProcess kafka = KafkaServerProcess.start(directory, 0)) {
 * 	kafka.kill(); // SIGKILL, as when the machine fails
 * 	kafka.start(); // same logs, same port
 * }
 * </pre>
 */
public final class KafkaServerProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaServerProcess.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	/** Spring Boot's launcher of a nested jar's classes, when this JVM runs from one. */
	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private final Path directory;

	private final int clientPort;

	private final List<String> command;

	private @Nullable Process process;

	private KafkaServerProcess(Path directory, int clientPort, List<String> command) {
		this.directory = directory;
		this.clientPort = clientPort;
		this.command = List.copyOf(command);
	}

	/**
	 * Formats the storage under {@code directory/data} unless an earlier run did, writes
	 * {@code server.properties} beside it and starts the server, returning once it
	 * accepts connections. Its output goes to {@code directory/kafka.log}.
	 * @param port the client port on 127.0.0.1, 0 for any free one
	 */
	public static KafkaServerProcess start(Path directory, int port) {
		Path home = directory.toAbsolutePath().normalize();
		int clientPort = (port != 0) ? port : Ports.free();
		Path data = home.resolve("data");
		Map<String, String> settings = KafkaBroker.settings(data, clientPort, Ports.free());
		// A broker killed with SIGKILL mid-write recovers its logs on the next start; the
		// default of one recovery thread is slow on a small machine.
		settings.put("num.recovery.threads.per.data.dir", "2");
		try {
			Files.createDirectories(data);
			if (!Files.exists(data.resolve("meta.properties"))) {
				KafkaBroker.format(new KafkaConfig(settings), data);
			}
			Path properties = home.resolve("server.properties");
			Properties file = new Properties();
			file.putAll(settings);
			try (Writer writer = Files.newBufferedWriter(properties)) {
				file.store(writer, "Written by KafkaServerProcess");
			}
			Path logback = home.resolve("logback.xml");
			// Without a configuration Logback logs at DEBUG: megabytes a minute.
			Files.writeString(logback, """
					<configuration>
					  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
					    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
					  </appender>
					  <root level="WARN"><appender-ref ref="out"/></root>
					  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
					</configuration>
					""");
			KafkaServerProcess server = new KafkaServerProcess(home, clientPort, command(properties, logback));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new LocalPlatformException("Could not prepare Kafka's directory " + home, ex);
		}
	}

	private static List<String> command(Path properties, Path logback) {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path")));
		String location = String.valueOf(kafka.Kafka.class.getProtectionDomain().getCodeSource().getLocation());
		if (location.contains("nested:") || location.contains("!/")) {
			// This JVM runs from a Spring Boot jar: its launcher finds the nested Kafka
			// jars.
			command.add("-Dloader.main=kafka.Kafka");
			command.add(BOOT_LAUNCHER);
		}
		else {
			command.add("kafka.Kafka");
		}
		command.add(properties.toString());
		return command;
	}

	/** {@code 127.0.0.1:<port>}, the same across restarts. */
	public String bootstrapServers() {
		return "127.0.0.1:" + this.clientPort;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the server again on the same logs and ports, returning once it accepts
	 * connections; does nothing while it runs.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		if (Ports.inUse(this.clientPort)) {
			throw new LocalPlatformException("Port " + this.clientPort + " for Kafka is already in use");
		}
		try {
			Process started = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("kafka.log").toFile()))
				.start();
			started.getOutputStream().close();
			this.process = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Kafka", ex);
		}
		awaitListening();
		log.info("Kafka started on {} (pid {})", bootstrapServers(), this.process.pid());
	}

	private void awaitListening() {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new LocalPlatformException("Kafka exited with code " + this.process.exitValue()
						+ " before it was ready; see " + this.directory.resolve("kafka.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.clientPort), 500);
				return;
			}
			catch (IOException ex) {
				pause();
			}
		}
		this.process.destroyForcibly();
		throw new LocalPlatformException("Kafka did not listen on " + bootstrapServers() + " within "
				+ READY_TIMEOUT.toSeconds() + " s; see " + this.directory.resolve("kafka.log"));
	}

	private void pause() {
		try {
			this.process.waitFor(250, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while Kafka started");
		}
	}

	/** SIGKILL, as when the broker's machine fails; returns once it exited. */
	public synchronized void kill() {
		end(true);
	}

	/**
	 * SIGTERM: the broker flushes and closes its logs; SIGKILL after 30 s. Returns once
	 * it exited.
	 */
	public synchronized void stop() {
		end(false);
	}

	private void end(boolean forcibly) {
		Process running = this.process;
		if (running == null || !running.isAlive()) {
			return;
		}
		try {
			if (forcibly) {
				running.destroyForcibly();
			}
			else {
				running.destroy();
			}
			if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				log.warn("Kafka did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
				running.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
	}

	@Override
	public void close() {
		stop();
	}

}
