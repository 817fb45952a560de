package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL cluster (zonky's binaries, a data directory and a port of its own,
 * never the machine's shared server) that can be stopped as a crash stops it
 * ({@code pg_ctl stop -m immediate}: every server process quits at once, no checkpoint,
 * connections cut, recovery from the WAL on the next start) and started again on the same
 * directory and port while the JVM that owns it goes on: a fault runner's database.
 * <p>
 * PostgreSQL refuses to run as root, which builds on CI machines often are: there, as
 * zonky does, its programs run in a user namespace of their own ({@code unshare -U}).
 */
public final class PostgresCluster implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final Path dataDirectory;

	private final int port;

	private final Path pgCtl;

	private PostgresCluster(Path dataDirectory, int port, Path pgCtl) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		this.pgCtl = pgCtl;
	}

	/**
	 * Initialises the cluster under {@code directory/data} unless an earlier run did, and
	 * starts it on 127.0.0.1.
	 * @param port the port, 0 for any free one
	 */
	public static PostgresCluster start(Path directory, int port) {
		Path home = directory.toAbsolutePath().normalize();
		Path data = home.resolve("data");
		int chosen = (port != 0) ? port : Ports.free();
		Path postgres;
		// zonky extracts its binaries and runs initdb; the binaries are then ours to run,
		// found as the command of the postmaster it started.
		try {
			Files.createDirectories(data);
			try (EmbeddedPostgres first = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setPort(chosen)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(TIMEOUT)
				.start()) {
				long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
				postgres = Path.of(ProcessHandle.of(pid)
					.flatMap((process) -> process.info().command())
					.orElseThrow(() -> new LocalPlatformException("Cannot find the embedded PostgreSQL's binaries")));
			}
		}
		catch (IOException | IllegalStateException ex) {
			throw new LocalPlatformException("Could not initialise PostgreSQL in " + data + ": " + ex.getMessage(), ex);
		}
		PostgresCluster cluster = new PostgresCluster(data, chosen, postgres.resolveSibling("pg_ctl"));
		cluster.start();
		return cluster;
	}

	/** The administrative account on its {@code postgres} database. */
	public PostgresSource.Server server() {
		return new PostgresSource.Server("jdbc:postgresql://127.0.0.1:" + this.port + "/postgres", "postgres", "");
	}

	public int port() {
		return this.port;
	}

	/** Whether a postmaster runs on the data directory ({@code pg_ctl status}). */
	public boolean isRunning() {
		return pgCtl("status") == 0;
	}

	/**
	 * Starts the cluster again on the same data directory and port (recovering from the
	 * WAL after an immediate stop), returning once it accepts connections; does nothing
	 * while it runs.
	 */
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		// Settings as a production server has them: durable commits, and room for six
		// services' pools and the runner's own connections.
		String options = "-p " + this.port + " -c listen_addresses=127.0.0.1 -k " + this.dataDirectory.getParent()
				+ " -c fsync=on -c synchronous_commit=on -c max_connections=200";
		if (pgCtl("start", "-w", "-t", String.valueOf(TIMEOUT.toSeconds()), "-l", logFile().toString(), "-o",
				options) != 0) {
			throw new LocalPlatformException(
					"PostgreSQL did not start on port " + this.port + "; see " + logFile() + " and " + pgCtlLog());
		}
		log.info("PostgreSQL started on port {} with data in {}", this.port, this.dataDirectory);
	}

	/**
	 * {@code pg_ctl stop -m immediate}: every server process quits at once, without a
	 * checkpoint, as on a crash; the next start recovers from the WAL.
	 */
	public synchronized void stopImmediately() {
		stop("immediate");
	}

	/** Stops the cluster cleanly ({@code pg_ctl stop -m fast}). */
	@Override
	public synchronized void close() {
		stop("fast");
	}

	private void stop(String mode) {
		if (isRunning() && pgCtl("stop", "-w", "-m", mode) != 0) {
			throw new LocalPlatformException(
					"PostgreSQL in " + this.dataDirectory + " did not stop (" + mode + "); see " + pgCtlLog());
		}
	}

	private Path logFile() {
		return this.dataDirectory.resolveSibling("postgres.log");
	}

	private Path pgCtlLog() {
		return this.dataDirectory.resolveSibling("pg_ctl.log");
	}

	private int pgCtl(String action, String... options) {
		List<String> command = new ArrayList<>();
		if (asRoot()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(this.pgCtl.toString(), action, "-D", this.dataDirectory.toString()));
		command.addAll(List.of(options));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(pgCtlLog().toFile()))
				.start();
			if (!process.waitFor(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new LocalPlatformException("Could not run " + this.pgCtl + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while running pg_ctl " + action);
		}
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
