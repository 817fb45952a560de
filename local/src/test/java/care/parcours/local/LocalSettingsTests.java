package care.parcours.local;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalSettingsTests {

	private static final Path ROOT = Path.of("/work/parcours");

	private static final PostgresSource EMBEDDED = PostgresSource.embedded(ROOT.resolve(".parcours/postgres"), 54329);

	@Test
	void prefersTheServerGivenByTheEnvironment() {
		LocalSettings settings = LocalSettings.from(Map.of("PARCOURS_DB_URL", "jdbc:postgresql://db:5432/postgres",
				"PARCOURS_DB_USER", "admin", "PARCOURS_DB_PASSWORD", "secret"));

		assertThat(settings.postgres(ROOT, (server) -> true))
			.isEqualTo(PostgresSource.server("jdbc:postgresql://db:5432/postgres", "admin", "secret"));
	}

	@Test
	void takesCredentialsFromTheUrlWhenNotGivenApart() {
		LocalSettings settings = LocalSettings
			.from(Map.of("PARCOURS_DB_URL", "jdbc:postgresql://db/postgres?user=ops&password=pw"));

		assertThat(settings.postgres(ROOT, (server) -> true))
			.isEqualTo(PostgresSource.server("jdbc:postgresql://db/postgres?user=ops&password=pw", "ops", "pw"));
	}

	@Test
	void usesTheLocalServerWhenItAnswersAndTheEmbeddedOneOtherwise() {
		LocalSettings settings = LocalSettings.from(Map.of());

		assertThat(settings.postgres(ROOT, (server) -> true)).isEqualTo(LocalSettings.LOCAL_SERVER);
		assertThat(settings.postgres(ROOT, (server) -> false)).isEqualTo(EMBEDDED);
	}

	@Test
	void parcoursPostgresForcesAChoice() {
		assertThat(LocalSettings.from(Map.of("PARCOURS_POSTGRES", "embedded")).postgres(ROOT, (server) -> true))
			.isEqualTo(EMBEDDED);
		assertThat(LocalSettings.from(Map.of("PARCOURS_POSTGRES", "local")).postgres(ROOT, (server) -> false))
			.isEqualTo(LocalSettings.LOCAL_SERVER);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalSettings.from(Map.of("PARCOURS_POSTGRES", "external")))
			.withMessage("PARCOURS_POSTGRES=external needs PARCOURS_DB_URL");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSettings.from(Map.of("PARCOURS_POSTGRES", "docker")))
			.withMessage("PARCOURS_POSTGRES is external, local or embedded, not 'docker'");
	}

	@Test
	void kafkaKeepsItsDataUnderTheRepositoryOnPort9092UnlessToldOtherwise() {
		assertThat(LocalSettings.from(Map.of()).kafka(ROOT))
			.isEqualTo(KafkaSource.embedded(ROOT.resolve(".parcours/kafka"), 9092));
		assertThat(LocalSettings.from(Map.of("PARCOURS_KAFKA_PORT", "19092")).kafka(ROOT))
			.isEqualTo(KafkaSource.embedded(ROOT.resolve(".parcours/kafka"), 19092));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalSettings.from(Map.of("PARCOURS_KAFKA_PORT", "kafka")))
			.withMessage("PARCOURS_KAFKA_PORT is a TCP port, not 'kafka'");
	}

}
