package care.parcours.system.scenarios;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

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
 * own. Every process exports its spans to the JVM's {@link TraceReceiver} and writes its
 * logs as ECS JSON lines, as in the containers.
 */
final class Platform {

	/**
	 * The payment provider whose notifications billing-service accepts, by the name in
	 * {@code /api/payment-notifications/{provider}}.
	 */
	static final String PAYMENT_PROVIDER = "systestpay";

	/** Its secret, base64 (30 bytes) with the {@code whsec_} prefix providers use. */
	static final String PAYMENT_PROVIDER_SECRET = "whsec_c3lzdGVtLXRlc3RzLXBheW1lbnQtcHJvdmlkZXIh";

	private static @Nullable RunningPlatform running;

	private static @Nullable TraceReceiver traces;

	private Platform() {
	}

	static synchronized RunningPlatform get() {
		if (running == null) {
			Path root = Path.of(System.getProperty("parcours.repository.root", "..")).toAbsolutePath().normalize();
			TestPostgres.Database admin = TestPostgres.adminDatabase();
			String prefix = "systest_" + ProcessHandle.current().pid() + "_";
			TraceReceiver receiver = TraceReceiver.start();
			RunningPlatform started = LocalPlatform.builder(root)
				.postgres(PostgresSource.server(admin.jdbcUrl(), admin.username(), admin.password()))
				.kafka(KafkaSource.external(TestKafka.bootstrapServers()))
				.ports(PortPlan.random())
				.databasePrefix(prefix)
				.logDirectory(root.resolve("system-tests/target/platform-logs"))
				// Six JVMs starting on a small machine shared with other builds: the
				// default four minutes for all of them are not always enough.
				.readinessTimeout(Duration.ofMinutes(8))
				.environment(Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
						receiver.tracesEndpoint().toString(), "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY",
						"200ms", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
						// billing-service accepts one payment provider's notifications,
						// signed with this secret (BillingThroughTheGatewayIT).
						"PARCOURS_BILLING_PAYMENTNOTIFICATIONS_PROVIDERS_" + PAYMENT_PROVIDER.toUpperCase(Locale.ROOT)
								+ "_SECRET",
						PAYMENT_PROVIDER_SECRET))
				.build()
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started.close();
				receiver.close();
				dropDatabases(admin, prefix);
			}));
			running = started;
			traces = receiver;
		}
		return running;
	}

	/** The spans the platform's processes exported. */
	static synchronized TraceReceiver traces() {
		get();
		return traces;
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
			if (traces != null) {
				traces.close();
				traces = null;
			}
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
