package care.parcours.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The local platform's choices from the environment: which PostgreSQL, which Kafka port.
 *
 * @param postgresMode {@code PARCOURS_POSTGRES}, or {@link PostgresMode#AUTO}
 * @param externalPostgres the server of {@code PARCOURS_DB_URL}, {@code PARCOURS_DB_USER}
 * and {@code PARCOURS_DB_PASSWORD}, when given
 * @param kafkaPort {@code PARCOURS_KAFKA_PORT}, or 9092
 */
record LocalSettings(PostgresMode postgresMode, Optional<PostgresSource.Server> externalPostgres, int kafkaPort) {

	static final PostgresSource.Server LOCAL_SERVER = new PostgresSource.Server(
			"jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");

	static final int EMBEDDED_POSTGRES_PORT = 54329;

	enum PostgresMode {

		/**
		 * The external server if given, else the local one if it answers, else embedded.
		 */
		AUTO,

		EXTERNAL, LOCAL, EMBEDDED

	}

	/**
	 * @throws IllegalArgumentException naming the variable that makes no sense
	 */
	static LocalSettings from(Map<String, String> env) {
		String mode = env.getOrDefault("PARCOURS_POSTGRES", "").strip().toUpperCase(Locale.ROOT);
		PostgresMode postgresMode;
		try {
			postgresMode = mode.isEmpty() ? PostgresMode.AUTO : PostgresMode.valueOf(mode);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"PARCOURS_POSTGRES is external, local or embedded, not '" + env.get("PARCOURS_POSTGRES") + "'");
		}
		Optional<PostgresSource.Server> external = Optional.ofNullable(env.get("PARCOURS_DB_URL"))
			.filter((url) -> !url.isBlank())
			.map((url) -> new PostgresSource.Server(url,
					env.getOrDefault("PARCOURS_DB_USER", JdbcUrls.parameter(url, "user").orElse("postgres")),
					env.getOrDefault("PARCOURS_DB_PASSWORD", JdbcUrls.parameter(url, "password").orElse(""))));
		if (postgresMode == PostgresMode.EXTERNAL && external.isEmpty()) {
			throw new IllegalArgumentException("PARCOURS_POSTGRES=external needs PARCOURS_DB_URL");
		}
		return new LocalSettings(postgresMode, external, port(env.getOrDefault("PARCOURS_KAFKA_PORT", "9092")));
	}

	/**
	 * The PostgreSQL to use.
	 * @param localServerAnswers asked only when it decides
	 */
	PostgresSource postgres(Path repositoryRoot, Predicate<PostgresSource.Server> localServerAnswers) {
		PostgresSource embedded = PostgresSource.embedded(repositoryRoot.resolve(".parcours").resolve("postgres"),
				EMBEDDED_POSTGRES_PORT);
		return switch (this.postgresMode) {
			case EXTERNAL -> this.externalPostgres.orElseThrow();
			case LOCAL -> LOCAL_SERVER;
			case EMBEDDED -> embedded;
			case AUTO -> this.externalPostgres.<PostgresSource>map((server) -> server)
				.orElseGet(() -> localServerAnswers.test(LOCAL_SERVER) ? LOCAL_SERVER : embedded);
		};
	}

	KafkaSource kafka(Path repositoryRoot) {
		return KafkaSource.embedded(repositoryRoot.resolve(".parcours").resolve("kafka"), this.kafkaPort);
	}

	private static int port(String value) {
		try {
			int port = Integer.parseInt(value.strip());
			if (port > 0 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new IllegalArgumentException("PARCOURS_KAFKA_PORT is a TCP port, not '" + value + "'");
	}

}
