package care.parcours.platform.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL cluster of a test's own (zonky's binaries, a temporary data directory, a
 * free port), never the machine's shared server, that the test stops as a crash does
 * ({@code pg_ctl stop -m immediate}: connections cut, no checkpoint, recovery from the
 * WAL on the next start) and starts again on the same data and port. As root, which CI
 * machines often are, its programs run in a user namespace of their own
 * ({@code unshare -U}), as zonky runs them.
 */
public final class StoppablePostgres implements AutoCloseable {

	private final Path data;

	private final int port;

	private final Path pgCtl;

	private StoppablePostgres(Path data, int port, Path pgCtl) {
		this.data = data;
		this.port = port;
		this.pgCtl = pgCtl;
	}

	/** Initialises a cluster and starts it. */
	public static StoppablePostgres start() {
		try {
			Path data = Files.createTempDirectory("parcours-stoppable-pg");
			int port = freePort();
			Path postgres;
			// zonky extracts the binaries and runs initdb; they are then found as the
			// command of the postmaster it started, and run by pg_ctl from here on.
			try (EmbeddedPostgres first = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setRegisterShutdownHook(false)
				.start()) {
				long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
				postgres = Path.of(ProcessHandle.of(pid)
					.flatMap(process -> process.info().command())
					.orElseThrow(() -> new IllegalStateException("Cannot find the embedded PostgreSQL's binaries")));
			}
			StoppablePostgres cluster = new StoppablePostgres(data, port, postgres.resolveSibling("pg_ctl"));
			cluster.restart();
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JDBC URL of a database on this cluster. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Creates a database, for a service under test. */
	public String createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
			connection.createStatement().execute("create database " + name);
			return jdbcUrl(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every server process quits at once, as on a crash. */
	public void crash() {
		pgCtl("stop", "-w", "-m", "immediate");
	}

	/** Starts the cluster again (recovering from the WAL after a crash). */
	public void restart() {
		pgCtl("start", "-w", "-t", "120", "-l", data.resolveSibling(data.getFileName() + ".log").toString(), "-o",
				"-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c max_connections=100");
	}

	@Override
	public void close() {
		if (runs()) {
			pgCtl("stop", "-w", "-m", "fast");
		}
	}

	private boolean runs() {
		return run("status") == 0;
	}

	private void pgCtl(String action, String... options) {
		int exit = run(action, options);
		if (exit != 0) {
			throw new IllegalStateException("pg_ctl " + action + " failed (" + exit + ") for " + data);
		}
	}

	private int run(String action, String... options) {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(pgCtl.toString(), action, "-D", data.toString()));
		command.addAll(List.of(options));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(130, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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
