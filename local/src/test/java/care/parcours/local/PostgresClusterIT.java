package care.parcours.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresClusterIT {

	@TempDir(cleanup = CleanupMode.ON_SUCCESS)
	Path directory;

	@Test
	void aCommittedRowSurvivesAnImmediateStopAndTheClusterAnswersAgainOnTheSamePort() throws SQLException {
		try (PostgresCluster cluster = PostgresCluster.start(this.directory, 0)) {
			int port = cluster.port();
			execute(cluster, "create table booking (id int primary key)", "insert into booking values (1)");

			cluster.stopImmediately();
			assertThat(cluster.isRunning()).isFalse();
			assertThatThrownBy(() -> execute(cluster, "select 1")).isInstanceOf(SQLException.class);

			cluster.start();
			assertThat(cluster.port()).isEqualTo(port);
			try (Connection connection = connect(cluster);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select count(*) from booking")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(1);
			}
		}
	}

	/**
	 * billing-service's migrations use PostgreSQL 15's {@code unique nulls not distinct}:
	 * on zonky's default binaries (14) billing-service could not start on the fault
	 * runner's cluster.
	 */
	@Test
	void theClusterRunsWhatTheServicesMigrationsAsk() throws SQLException {
		try (PostgresCluster cluster = PostgresCluster.start(this.directory, 0)) {
			execute(cluster, """
					create table billable_item (nomenclature text not null, code text not null, owner_id uuid,
					  constraint billable_item_code_once unique nulls not distinct (nomenclature, code, owner_id))""",
					"insert into billable_item values ('PARCOURS', 'HOTEL-NIGHT', null)");

			assertThatThrownBy(
					() -> execute(cluster, "insert into billable_item values ('PARCOURS', 'HOTEL-NIGHT', null)"))
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("billable_item_code_once");
		}
	}

	private static void execute(PostgresCluster cluster, String... sql) throws SQLException {
		try (Connection connection = connect(cluster); Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
	}

	private static Connection connect(PostgresCluster cluster) throws SQLException {
		return DriverManager.getConnection(cluster.server().adminJdbcUrl(), cluster.server().username(),
				cluster.server().password());
	}

}
