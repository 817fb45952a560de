package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from zonky's binaries, run in a data directory that is kept: initialised on
 * the first start, reused afterwards, so that the local platform's data survive restarts.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * @param port the port on localhost, 0 for any free one
	 */
	static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		int chosen = (port != 0) ? port : Ports.free();
		try {
			Files.createDirectories(dataDirectory);
			stopOrphan(dataDirectory);
			if (Ports.inUse(chosen)) {
				throw new LocalPlatformException("Port " + chosen + " for the embedded PostgreSQL is already in use.");
			}
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(chosen)
				// zonky tunes for throw-away test databases; these data should survive a
				// crash.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				// We stop it ourselves, after the services that use it.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			return new EmbeddedPostgresServer(postgres);
		}
		catch (IOException | IllegalStateException ex) {
			throw new LocalPlatformException(
					"The embedded PostgreSQL in " + dataDirectory + " did not start: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A launcher killed without a chance to clean up leaves its postmaster running, and a
	 * running postmaster locks the data directory. It is ours, so stop it: SIGTERM asks
	 * PostgreSQL for a smart shutdown.
	 */
	private static void stopOrphan(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> orphan = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::strip)
			.flatMap(EmbeddedPostgresServer::live);
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle postmaster = orphan.get();
		log.info("Stopping the embedded PostgreSQL left running by an earlier run (pid {})", postmaster.pid());
		postmaster.destroy();
		try {
			postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new LocalPlatformException("An embedded PostgreSQL from an earlier run (pid " + postmaster.pid()
					+ ") holds " + dataDirectory + " and did not stop; stop it and try again.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while stopping an earlier embedded PostgreSQL");
		}
	}

	private static Optional<ProcessHandle> live(String pid) {
		try {
			return ProcessHandle.of(Long.parseLong(pid))
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().map((c) -> c.endsWith("postgres")).orElse(false));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	PostgresSource.Server server() {
		return new PostgresSource.Server("jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres",
				"postgres", "");
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
