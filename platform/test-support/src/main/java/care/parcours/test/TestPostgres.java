package care.parcours.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of this test JVM and the databases made on it.
 * <p>
 * Where the server comes from, first match wins:
 * <ol>
 * <li>{@code PARCOURS_TEST_JDBC_URL}, a JDBC URL to an administrative database, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres} (what CI sets);</li>
 * <li>a Testcontainers PostgreSQL when a Docker engine answers;</li>
 * <li>a server answering at 127.0.0.1:5432 for user {@code postgres} without
 * password;</li>
 * <li>an embedded PostgreSQL started in this JVM (zonky), so that a machine with a JDK
 * and nothing else can run the tests.</li>
 * </ol>
 * {@code PARCOURS_TEST_POSTGRES=env|docker|local|embedded} forces one of them.
 */
public final class TestPostgres {

	private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

	private static final String PREFIX = "parcours_test_";

	private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static final Duration STALE_AFTER = Duration.ofHours(3);

	private static final AtomicInteger counter = new AtomicInteger();

	private static final List<String> created = new CopyOnWriteArrayList<>();

	private static @Nullable Server server;

	private TestPostgres() {
	}

	/** Where to reach a new, empty database. */
	public record Database(String name, String jdbcUrl, String username, String password) {

	}

	/**
	 * Creates an empty database on the shared server, dropped when the JVM exits.
	 * @param hint a readable part of the name, such as the test class
	 */
	public static Database createDatabase(String hint) {
		Server s = server();
		String name = PREFIX + Instant.now().getEpochSecond() + "_" + ProcessHandle.current().pid() + "_"
				+ counter.incrementAndGet() + "_" + sanitize(hint);
		s.execute("create database " + name);
		created.add(name);
		return new Database(name, s.urlOf(name), s.username(), s.password());
	}

	/**
	 * The administrative connection details of the shared server, for tests that need
	 * them.
	 */
	public static Database adminDatabase() {
		Server s = server();
		return new Database("postgres", s.urlOf("postgres"), s.username(), s.password());
	}

	private static synchronized Server server() {
		if (server == null) {
			server = start();
			server.dropStaleDatabases();
			Server started = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> created.forEach(started::dropQuietly)));
		}
		return server;
	}

	private static Server start() {
		String forced = System.getenv().getOrDefault("PARCOURS_TEST_POSTGRES", "").toLowerCase(Locale.ROOT);
		String url = System.getenv("PARCOURS_TEST_JDBC_URL");
		if ((forced.isEmpty() || forced.equals("env")) && url != null && !url.isBlank()) {
			log.info("Tests use the PostgreSQL server of PARCOURS_TEST_JDBC_URL");
			return Server.fromUrl(url);
		}
		if ((forced.isEmpty() && dockerAvailable()) || forced.equals("docker")) {
			log.info("Tests use a Testcontainers PostgreSQL");
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new Server(container.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1"),
					container.getUsername(), container.getPassword());
		}
		if ((forced.isEmpty() && localServerAnswers()) || forced.equals("local")) {
			log.info("Tests use the PostgreSQL server at 127.0.0.1:5432");
			return new Server(LOCAL_URL, "postgres", "");
		}
		log.info("Tests use an embedded PostgreSQL: no PARCOURS_TEST_JDBC_URL, Docker or server at 127.0.0.1:5432");
		try {
			EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					embedded.close();
				}
				catch (IOException ex) {
					log.warn("Embedded PostgreSQL did not stop cleanly", ex);
				}
			}));
			return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL", ex);
		}
	}

	private static boolean dockerAvailable() {
		// Asking Testcontainers costs seconds and logs an error where no engine can
		// exist.
		boolean socket = System.getenv("DOCKER_HOST") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
				|| java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
				|| java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		if (!socket) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static boolean localServerAnswers() {
		Properties props = new Properties();
		props.setProperty("user", "postgres");
		props.setProperty("connectTimeout", "2");
		try (Connection ignored = DriverManager.getConnection(LOCAL_URL, props)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String sanitize(String hint) {
		String name = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
		return name.length() > 24 ? name.substring(name.length() - 24) : name;
	}

	private record Server(String adminUrl, String username, String password) {

		static Server fromUrl(String url) {
			String user = parameter(url, "user");
			String password = parameter(url, "password");
			return new Server(url, user == null ? "postgres" : user, password == null ? "" : password);
		}

		private static @Nullable String parameter(String url, String name) {
			int query = url.indexOf('?');
			if (query < 0) {
				return null;
			}
			for (String pair : url.substring(query + 1).split("&")) {
				String[] kv = pair.split("=", 2);
				if (kv[0].equals(name) && kv.length == 2) {
					return kv[1];
				}
			}
			return null;
		}

		String urlOf(String database) {
			String withoutQuery = adminUrl.contains("?") ? adminUrl.substring(0, adminUrl.indexOf('?')) : adminUrl;
			return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + database;
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(urlOf("postgres"), username, password);
		}

		void execute(String sql) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL refused: " + sql, ex);
			}
		}

		void dropQuietly(String database) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
			catch (SQLException ex) {
				log.debug("Could not drop {}", database, ex);
			}
		}

		/**
		 * Databases left behind by test JVMs that were killed before their shutdown hook
		 * ran.
		 */
		void dropStaleDatabases() {
			long staleBefore = Instant.now().minus(STALE_AFTER).getEpochSecond();
			List<String> stale = new ArrayList<>();
			try (Connection connection = connect();
					Statement statement = connection.createStatement();
					ResultSet rs = statement
						.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
				while (rs.next()) {
					String name = rs.getString(1);
					String[] parts = name.substring(PREFIX.length()).split("_");
					if (parts.length > 0 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < staleBefore) {
						stale.add(name);
					}
				}
			}
			catch (SQLException ex) {
				log.debug("Could not list stale test databases", ex);
			}
			stale.forEach(this::dropQuietly);
		}

	}

}
