package care.parcours.local;

import java.nio.file.Path;

/**
 * Where the services' databases live: a PostgreSQL server reached with an administrative
 * account, or an embedded PostgreSQL that the platform starts and whose data survives
 * restarts. Either way the platform creates the databases it needs when they are missing
 * and never drops one.
 */
public sealed interface PostgresSource {

	/**
	 * A running server.
	 * @param adminJdbcUrl a JDBC URL to a database the account may connect to, such as
	 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}; the services' URLs are derived
	 * from it by replacing the database
	 * @param username an account allowed to create databases
	 * @param password its password, empty for none
	 */
	static PostgresSource server(String adminJdbcUrl, String username, String password) {
		return new Server(adminJdbcUrl, username, password);
	}

	/**
	 * An embedded PostgreSQL (zonky binaries) keeping its data in the directory;
	 * initialised on first use, reused afterwards.
	 * @param port the port on localhost, or 0 for any free port
	 */
	static PostgresSource embedded(Path dataDirectory, int port) {
		return new Embedded(dataDirectory, port);
	}

	record Server(String adminJdbcUrl, String username, String password) implements PostgresSource {

		public Server {
			if (!adminJdbcUrl.startsWith("jdbc:postgresql://")) {
				throw new IllegalArgumentException(
						"A PostgreSQL JDBC URL starts with jdbc:postgresql://, not " + adminJdbcUrl);
			}
		}

		@Override
		public String toString() {
			// Never print the password, which may also sit in the URL's parameters.
			return "server " + this.adminJdbcUrl.replaceFirst("\\?.*", "") + " as " + this.username;
		}

	}

	record Embedded(Path dataDirectory, int port) implements PostgresSource {

		public Embedded {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("PostgreSQL port " + port + " is not a TCP port");
			}
		}

		@Override
		public String toString() {
			return "embedded" + ((this.port != 0) ? " on port " + this.port : "") + ", data in " + this.dataDirectory;
		}

	}

}
