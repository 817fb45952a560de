package care.parcours.system.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import care.parcours.test.TestPostgres;

/** Reads a service's database directly, as an operator checking what was stored. */
final class Sql implements AutoCloseable {

	private final Connection connection;

	private Sql(Connection connection) {
		this.connection = connection;
	}

	/** The database of a service ({@code scheduling}) among those named by the prefix. */
	static Sql of(TestPostgres.Database admin, String prefix, String service) {
		String url = admin.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + prefix + service);
		try {
			return new Sql(DriverManager.getConnection(url, admin.username(), admin.password()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The first column of every row; a collection parameter goes as a {@code text[]}
	 * (cast it in the SQL: {@code ?::uuid[]}), anything else as text.
	 */
	List<String> strings(String sql, Object... parameters) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i] instanceof Collection<?> values) {
					statement.setArray(i + 1, this.connection.createArrayOf("text", values.toArray()));
				}
				else {
					statement.setString(i + 1, String.valueOf(parameters[i]));
				}
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** The number a {@code select count(*)} gives. */
	long count(String sql, Object... parameters) {
		return Long.parseLong(strings(sql, parameters).getFirst());
	}

	@Override
	public void close() {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// Closing a connection to a test database.
		}
	}

}
