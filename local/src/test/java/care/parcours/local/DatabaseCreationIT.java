package care.parcours.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Against a real server: {@code PARCOURS_TEST_JDBC_URL} when set (as on CI), else the one
 * at 127.0.0.1:5432. Every database made here has a unique name and is dropped after.
 */
class DatabaseCreationIT {

	private final List<String> created = new ArrayList<>();

	private @Nullable Postgres postgres;

	@BeforeEach
	void connect() {
		PostgresSource.Server server = Optional.ofNullable(System.getenv("PARCOURS_TEST_JDBC_URL"))
			.map((url) -> new PostgresSource.Server(url, JdbcUrls.parameter(url, "user").orElse("postgres"),
					JdbcUrls.parameter(url, "password").orElse("")))
			.orElse(LocalSettings.LOCAL_SERVER);
		assumeTrue(Postgres.answers(server), "No PostgreSQL server at " + server);
		this.postgres = Postgres.start(server);
	}

	@AfterEach
	void dropDatabases() throws SQLException {
		if (this.postgres == null) {
			return;
		}
		try (Connection connection = this.postgres.connect(); Statement statement = connection.createStatement()) {
			for (String database : this.created) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	@Test
	void creatingAnExistingDatabaseAgainKeepsItsData() throws SQLException {
		String database = uniqueName("partner");
		this.postgres.ensureDatabase(database);
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute("create table partner (name text)");
			statement.execute("insert into partner values ('Clinique des Lilas')");
		}

		this.postgres.ensureDatabase(database);

		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from partner")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}

	@Test
	void createsAMissingDatabase() throws SQLException {
		String database = uniqueName("billing");

		this.postgres.ensureDatabase(database);

		try (Connection connection = connect(database)) {
			assertThat(connection.getCatalog()).isEqualTo(database);
		}
	}

	@Test
	void refusesANameThatIsNotAPlainIdentifier() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.postgres.ensureDatabase("x; drop database y"));
	}

	private String uniqueName(String suffix) {
		String name = "parcours_local_it_" + ProcessHandle.current().pid() + "_" + System.nanoTime() + "_" + suffix;
		this.created.add(name);
		return name;
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(database), this.postgres.server().username(),
				this.postgres.server().password());
	}

}
