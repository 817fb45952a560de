package care.parcours.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The statements patient-service runs for a page of the work list
 * ({@code worklist.WorkItems} in patient-service, copied to the letter as the
 * {@code JdbcClient} sends them, named parameters made {@code ?}): the page, then the
 * count of the list up to the service's cap (1,000, and one more to tell "more than"), in
 * one transaction. A coordinator's page then reads and decrypts the patients' names and
 * audits them (not here: the baseline is the work list's own SQL).
 */
final class WorkListQuery {

	private static final String SELECT = """
			select p.id, p.version, p.status, p.patient_id, p.template_id, p.template_code, p.template_version,
			       p.coordinator_id, p.partner_id, p.anchor_at, p.next_step_id, p.next_step_kind, p.next_step_due_at,
			       s.status as next_step_status, s.name_fr, s.name_en, s.name_nl, p.open_alerts, p.open_alert_kinds
			from pathway p left join pathway_step s on s.id = p.next_step_id
			""";

	/**
	 * The active statuses, as the service writes them in (sorted by the enum's order).
	 */
	private static final String ACTIVE = " where p.status in ('OPEN', 'ON_HOLD')";

	private static final String COORDINATOR = " and p.coordinator_id = ?";

	private static final String ORDER = " order by p.urgency, p.next_step_due_at, p.id limit ? offset ?";

	/**
	 * What the service's count stops at on a first page: its default cap
	 * ({@code parcours.patient.pathways.work-list.count-up-to}, 1,000) and one more.
	 */
	static final int COUNT_LIMIT = 1_001;

	private WorkListQuery() {
	}

	/**
	 * A page of the list, as the JDBC baseline reads it.
	 *
	 * @param counted the list's pathways counted up to {@link #COUNT_LIMIT}
	 */
	record Page(List<UUID> pathwayIds, long counted) {

	}

	/**
	 * The first page of {@code size}: every active pathway, or those of one coordinator.
	 * Leaves the connection in auto-commit mode off.
	 */
	static Page firstPage(Connection connection, @Nullable String coordinator, int size) throws SQLException {
		return firstPage(connection, coordinator, size, true);
	}

	/**
	 * The same, with the list's count or without it (what the page alone costs).
	 */
	static Page firstPage(Connection connection, @Nullable String coordinator, int size, boolean counted)
			throws SQLException {
		connection.setAutoCommit(false);
		List<UUID> ids = new ArrayList<>();
		long total;
		try (PreparedStatement page = page(connection, "", coordinator, size);
				PreparedStatement count = count(connection, "", coordinator)) {
			try (ResultSet rs = page.executeQuery()) {
				while (rs.next()) {
					// Read every column, as the service maps each row.
					for (int column = 1; column <= 19; column++) {
						rs.getObject(column);
					}
					ids.add(rs.getObject("id", UUID.class));
				}
			}
			if (counted) {
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					total = rs.getLong(1);
				}
			}
			else {
				total = -1;
			}
		}
		connection.commit();
		return new Page(ids, total);
	}

	/**
	 * How PostgreSQL runs the two statements of the first page, and what each took
	 * ({@code explain (analyze, buffers)}).
	 */
	static String explain(Connection connection, @Nullable String coordinator, int size) throws SQLException {
		String explain = "explain (analyze, buffers) ";
		try (PreparedStatement page = page(connection, explain, coordinator, size);
				PreparedStatement count = count(connection, explain, coordinator)) {
			return "page:\n" + lines(page) + "count:\n" + lines(count);
		}
	}

	private static String lines(PreparedStatement statement) throws SQLException {
		StringBuilder plan = new StringBuilder();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				plan.append("    ").append(rs.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	private static PreparedStatement page(Connection connection, String before, @Nullable String coordinator, int size)
			throws SQLException {
		PreparedStatement page = connection
			.prepareStatement(before + SELECT + ACTIVE + (coordinator == null ? "" : COORDINATOR) + ORDER);
		int index = 1;
		if (coordinator != null) {
			page.setString(index++, coordinator);
		}
		page.setInt(index++, size);
		page.setLong(index, 0);
		return page;
	}

	private static PreparedStatement count(Connection connection, String before, @Nullable String coordinator)
			throws SQLException {
		PreparedStatement count = connection.prepareStatement(before + "select count(*) from (select 1 from pathway p"
				+ ACTIVE + (coordinator == null ? "" : COORDINATOR) + " limit ?) counted");
		int index = 1;
		if (coordinator != null) {
			count.setString(index++, coordinator);
		}
		count.setInt(index, COUNT_LIMIT);
		return count;
	}

}
