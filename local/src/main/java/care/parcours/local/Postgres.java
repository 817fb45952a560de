package care.parcours.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server the platform can create databases on, and stop when it started it.
 */
final class Postgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Postgres.class);

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/** PostgreSQL's SQLSTATE duplicate_database. */
	private static final String DUPLICATE_DATABASE = "42P04";

	private final PostgresSource.Server server;

	private final AutoCloseable stopper;

	private Postgres(PostgresSource.Server server, AutoCloseable stopper) {
		this.server = server;
		this.stopper = stopper;
	}

	/**
	 * Connects to the server, or starts the embedded one, and checks that it answers.
	 */
	static Postgres start(PostgresSource source) {
		Postgres postgres = switch (source) {
			case PostgresSource.Server server -> new Postgres(server, () -> {
			});
			case PostgresSource.Embedded embedded -> {
				EmbeddedPostgresServer started = EmbeddedPostgresServer.start(embedded.dataDirectory(),
						embedded.port());
				yield new Postgres(started.server(), started);
			}
		};
		try (Connection connection = postgres.connect()) {
			connection.getMetaData().getDatabaseProductVersion();
			return postgres;
		}
		catch (SQLException ex) {
			postgres.close();
			throw new LocalPlatformException("Cannot connect to PostgreSQL (" + source + "): " + ex.getMessage()
					+ ". Set PARCOURS_DB_URL, PARCOURS_DB_USER and PARCOURS_DB_PASSWORD,"
					+ " or PARCOURS_POSTGRES=embedded.", ex);
		}
	}

	/** Whether the server accepts a connection within two seconds. */
	static boolean answers(PostgresSource.Server server) {
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		properties.setProperty("password", server.password());
		properties.setProperty("connectTimeout", "2");
		try (Connection connection = DriverManager.getConnection(server.adminJdbcUrl(), properties)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	PostgresSource.Server server() {
		return this.server;
	}

	/** Creates the database unless it exists; never drops or empties one. */
	void ensureDatabase(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a plain lower-case PostgreSQL database name");
		}
		try (Connection connection = connect()) {
			if (exists(connection, name)) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
				log.info("Created database {}", name);
			}
		}
		catch (SQLException ex) {
			// Another process may have created it between our check and our create.
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new LocalPlatformException(
						"PostgreSQL would not create database " + name + ": " + ex.getMessage(), ex);
			}
		}
	}

	/** The JDBC URL of a database on this server, without credentials. */
	String jdbcUrl(String database) {
		return JdbcUrls.withDatabase(this.server.adminJdbcUrl(), database);
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.server.adminJdbcUrl(), this.server.username(), this.server.password());
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
	}

	/** Stops the embedded server; leaves a server we only connected to alone. */
	@Override
	public void close() {
		try {
			this.stopper.close();
		}
		catch (Exception ex) {
			log.warn("PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

}
