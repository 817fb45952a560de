package care.parcours.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresIT {

	@TempDir
	Path dataDirectory;

	@Test
	void rowsSurviveARestartOnTheSameDataDirectory() throws SQLException {
		PostgresSource source = PostgresSource.embedded(this.dataDirectory, 0);
		try (Postgres postgres = Postgres.start(source)) {
			postgres.ensureDatabase("parcours_partner");
			execute(postgres, "parcours_partner", "create table partner (name text)",
					"insert into partner values ('Clinique des Lilas')");
		}

		try (Postgres postgres = Postgres.start(source)) {
			postgres.ensureDatabase("parcours_partner");
			try (Connection connection = connect(postgres, "parcours_partner");
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select name from partner")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("Clinique des Lilas");
			}
		}
	}

	private static void execute(Postgres postgres, String database, String... sql) throws SQLException {
		try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private static Connection connect(Postgres postgres, String database) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.server().username(),
				postgres.server().password());
	}

}
