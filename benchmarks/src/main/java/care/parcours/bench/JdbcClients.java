package care.parcours.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import care.parcours.local.ServiceName;

/**
 * One connection per client to a service's database, for a baseline that runs the
 * service's SQL with as many clients as its HTTP run had.
 */
final class JdbcClients implements AutoCloseable {

	private final List<Connection> connections = new ArrayList<>();

	private JdbcClients() {
	}

	static JdbcClients open(BenchContext context, ServiceName service, int clients) throws SQLException {
		JdbcClients opened = new JdbcClients();
		try {
			for (int c = 0; c < clients; c++) {
				opened.connections.add(context.connect(service));
			}
			return opened;
		}
		catch (SQLException ex) {
			opened.close();
			throw ex;
		}
	}

	/** The connection of client {@code client}, from 0. */
	Connection of(int client) {
		return connections.get(client);
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : connections) {
			connection.close();
		}
	}

}
