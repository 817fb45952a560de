package care.parcours.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

/**
 * A transaction of the test's own on the service's database, to make a transaction of the
 * service deadlock on purpose: hold a row, or a range an exclusion constraint guards,
 * that the service is about to need, wait until the service's transaction waits for it,
 * then wait for something the service's transaction holds.
 * <p>
 * PostgreSQL looks for a deadlock in a session once it has waited for
 * {@code deadlock_timeout}, and aborts that session's transaction (SQLSTATE 40P01). The
 * service's transaction started waiting first, so it is the one aborted, as long as
 * {@link #deadlock} closes the cycle within that time: a test on a loaded machine sets a
 * few seconds for every connection of the pool, whose connections this transaction uses
 * too ({@code spring.datasource.hikari.connection-init-sql=set deadlock_timeout = '3s'},
 * which takes a superuser, as the tests' PostgreSQL user is). The rival itself looks much
 * later ({@code set local deadlock_timeout}, for its transaction only): both sessions
 * start waiting within milliseconds of each other, and on a loaded machine the rival's
 * check could otherwise run first and abort the rival instead. <pre class="code">
 * try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
 * 	rival.execute("update thing set name = name where id = ?", second);
 * 	// the service changes first, then second: it waits for the rival
 * 	rival.awaitWaiter();
 * 	rival.deadlockAndUndo("update thing set name = name where id = ?", first);
 * 	// the service's transaction was aborted; its retry waits for the rival again
 * 	rival.awaitWaiter();
 * 	rival.rollback();
 * }
 * </pre>
 */
public final class RivalTransaction implements AutoCloseable {

	private final Connection connection;

	/**
	 * Looks at the other sessions from outside the transaction, which sees a snapshot.
	 */
	private final Connection watcher;

	/** The transaction's own id, as {@code pg_locks} shows the locks waited for. */
	private final long xid;

	private RivalTransaction(Connection connection, Connection watcher) throws SQLException {
		this.connection = connection;
		this.watcher = watcher;
		connection.setAutoCommit(false);
		try (PreparedStatement statement = connection.prepareStatement("set local deadlock_timeout = '60s'")) {
			statement.execute();
		}
		try (PreparedStatement statement = connection.prepareStatement("select txid_current() % 4294967296");
				ResultSet result = statement.executeQuery()) {
			result.next();
			this.xid = result.getLong(1);
		}
	}

	/** Opens the rival transaction on a connection of its own. */
	public static RivalTransaction begin(DataSource dataSource) {
		try {
			return new RivalTransaction(dataSource.getConnection(), dataSource.getConnection());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs a statement in the rival transaction; its locks are held until it ends. */
	public int execute(String sql, Object... parameters) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until another session waits for this transaction to end: for a row it locked,
	 * or to know whether a row it wrote stays. Waits for a statement of
	 * {@link #deadlockAndUndo} do not count: they end with the statement.
	 */
	public void awaitWaiter() {
		awaitWaiterOr(() -> false);
	}

	/**
	 * Waits until another session waits for this transaction (as {@link #awaitWaiter}),
	 * or {@code done} holds.
	 * @return whether a session waits
	 */
	public boolean awaitWaiterOr(BooleanSupplier done) {
		boolean[] waited = new boolean[1];
		Awaitility.await()
			.pollInterval(Duration.ofMillis(10))
			.atMost(Duration.ofSeconds(30))
			.until(() -> (waited[0] = hasWaiter()) || done.getAsBoolean());
		return waited[0];
	}

	/**
	 * Runs a statement that waits for the session waiting for this transaction, which
	 * PostgreSQL then aborts as a deadlock; the statement completes once it has, and its
	 * effect is kept. Call it right after {@link #awaitWaiter}.
	 */
	public void deadlock(String sql, Object... parameters) {
		execute(sql, parameters);
	}

	/**
	 * As {@link #deadlock}, in a savepoint, then undoes the statement, so that the next
	 * attempt of the aborted transaction meets this transaction as the first did. Until
	 * it is undone, that attempt may wait for the statement; it then goes on to wait for
	 * this transaction, and {@link #awaitWaiter} sees it only then.
	 */
	public void deadlockAndUndo(String sql, Object... parameters) {
		try {
			Savepoint before = connection.setSavepoint();
			execute(sql, parameters);
			connection.rollback(before);
			connection.releaseSavepoint(before);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void commit() {
		try {
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void rollback() {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rolls back what was not committed and gives the connection back. */
	@Override
	public void close() {
		try (connection; watcher) {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean hasWaiter() throws SQLException {
		try (PreparedStatement statement = watcher.prepareStatement("""
				select count(*) from pg_locks
				where locktype = 'transactionid' and not granted and transactionid::text::bigint = ?
				""")) {
			statement.setLong(1, xid);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1) > 0;
			}
		}
	}

}
