package care.parcours.system.scenarios;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import care.parcours.local.KafkaSource;
import care.parcours.local.LocalPlatform;
import care.parcours.local.PortPlan;
import care.parcours.local.PostgresSource;
import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import care.parcours.test.TestKafka;
import care.parcours.test.TestPostgres;
import org.jspecify.annotations.Nullable;

/**
 * The platform of this test JVM, started once from the jars the build just made, on the
 * test JVM's PostgreSQL server and Kafka broker, on free ports and with databases of its
 * own.
 */
final class Platform {

	private static @Nullable RunningPlatform running;

	private Platform() {
	}

	static synchronized RunningPlatform get() {
		if (running == null) {
			Path root = Path.of(System.getProperty("parcours.repository.root", "..")).toAbsolutePath().normalize();
			TestPostgres.Database admin = TestPostgres.adminDatabase();
			String prefix = "systest_" + ProcessHandle.current().pid() + "_";
			RunningPlatform started = LocalPlatform.builder(root)
				.postgres(PostgresSource.server(admin.jdbcUrl(), admin.username(), admin.password()))
				.kafka(KafkaSource.external(TestKafka.bootstrapServers()))
				.ports(PortPlan.random())
				.databasePrefix(prefix)
				.logDirectory(root.resolve("system-tests/target/platform-logs"))
				.build()
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				dropDatabases(admin, prefix);
			}));
			running = started;
		}
		return running;
	}

	/**
	 * Stops the platform when it runs, for a test that starts one of its own: two
	 * platforms' connection pools together would pass PostgreSQL's limit. The next
	 * {@link #get()} starts it again.
	 */
	static synchronized void stop() {
		if (running != null) {
			running.close();
			running = null;
			dropDatabases(TestPostgres.adminDatabase(), "systest_" + ProcessHandle.current().pid() + "_");
		}
	}

	static void dropDatabases(TestPostgres.Database admin, String prefix) {
		try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
				Statement statement = connection.createStatement()) {
			for (ServiceName service : ServiceName.values()) {
				var name = service.databaseName(prefix);
				if (name.isPresent()) {
					statement.execute("drop database if exists " + name.get() + " with (force)");
				}
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop the system test databases: " + ex.getMessage());
		}
	}

}
