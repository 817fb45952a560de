package care.parcours.patient.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayStatus;
import care.parcours.patient.pathways.StepStatus;
import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.StepKind;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work list's query. It reads the pathway row's denormalised columns (kept by the
 * pathway's repository on every save) and sorts by {@code urgency, next_step_due_at, id}:
 * for active pathways that is the order of the partial index {@code pathway_worklist} (or
 * its coordinator and partner variants), so a page is an index scan and a primary-key
 * look-up of the next step per row. The statuses are written into the SQL as literals
 * (they come from an enum): a parameter would hide from the planner that the partial
 * index applies. The count stops past a cap ({@link WorkListProperties}): its cost no
 * longer grows with the number of open pathways.
 */
@Repository
class WorkItems {

	private static final String SELECT = """
			select p.id, p.version, p.status, p.patient_id, p.template_id, p.template_code, p.template_version,
			       p.coordinator_id, p.partner_id, p.anchor_at, p.next_step_id, p.next_step_kind, p.next_step_due_at,
			       s.status as next_step_status, s.name_fr, s.name_en, s.name_nl, p.open_alerts, p.open_alert_kinds
			from pathway p left join pathway_step s on s.id = p.next_step_id
			""";

	private static final String COUNT = "select count(*) from (select 1 from pathway p";

	private static final String COUNT_LIMIT = " limit :countLimit) counted";

	private final JdbcClient jdbc;

	private final long cap;

	WorkItems(JdbcClient jdbc, WorkListProperties properties) {
		this.jdbc = jdbc;
		this.cap = properties.cap();
	}

	Page<WorkRow> page(WorkListFilter filter, PageQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		JdbcClient.StatementSpec rows = jdbc
			.sql(SELECT + where + " order by p.urgency, p.next_step_due_at, p.id limit :size offset :offset");
		params.forEach(rows::param);
		List<WorkRow> content = rows.param("size", query.size())
			.param("offset", query.offset())
			.query(WorkItems::row)
			.list();
		return Page.countedUpTo(content, query, cap, limit -> {
			JdbcClient.StatementSpec count = jdbc.sql(COUNT + where + COUNT_LIMIT);
			params.forEach(count::param);
			return count.param("countLimit", limit).query(Long.class).single();
		});
	}

	/**
	 * The SQL of the work list's first page for a filter, for EXPLAIN in tests and
	 * benchmarks.
	 */
	static String firstPageSql(WorkListFilter filter) {
		return SELECT + where(filter, new LinkedHashMap<>())
				+ " order by p.urgency, p.next_step_due_at, p.id limit :size offset :offset";
	}

	/**
	 * The SQL that counts the work list's pathways for a filter, up to
	 * {@code :countLimit}, for EXPLAIN.
	 */
	static String countSql(WorkListFilter filter) {
		return COUNT + where(filter, new LinkedHashMap<>()) + COUNT_LIMIT;
	}

	private static String where(WorkListFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("p.status in (" + filter.statuses()
			.stream()
			.sorted()
			.map(status -> "'" + status.name() + "'")
			.collect(Collectors.joining(", ")) + ")");
		if (filter.coordinatorId() != null) {
			conditions.add("p.coordinator_id = :coordinator");
			params.put("coordinator", filter.coordinatorId());
		}
		if (filter.partnerId() != null) {
			conditions.add("p.partner_id = :partner");
			params.put("partner", filter.partnerId());
		}
		if (filter.alert() != null) {
			conditions.add("p.open_alert_kinds @> array[cast(:alert as text)]");
			params.put("alert", filter.alert().name());
		}
		if (filter.hasAlerts() != null) {
			conditions.add(filter.hasAlerts() ? "p.urgency = 0" : "p.urgency = 1");
		}
		if (filter.templateId() != null) {
			conditions.add("p.template_id = :template");
			params.put("template", filter.templateId());
		}
		if (filter.dueBefore() != null) {
			conditions.add("p.next_step_due_at < :dueBefore");
			params.put("dueBefore", Timestamp.from(filter.dueBefore()));
		}
		return " where " + String.join(" and ", conditions);
	}

	private static WorkRow row(ResultSet rs, int n) throws SQLException {
		UUID nextStepId = rs.getObject("next_step_id", UUID.class);
		NextStep next = nextStepId == null ? null
				: new NextStep(nextStepId, StepKind.valueOf(rs.getString("next_step_kind")),
						new LocalizedNames(rs.getString("name_fr"), rs.getString("name_en"), rs.getString("name_nl")),
						rs.getTimestamp("next_step_due_at").toInstant(),
						StepStatus.valueOf(rs.getString("next_step_status")));
		return new WorkRow(rs.getObject("id", UUID.class), rs.getLong("version"),
				PathwayStatus.valueOf(rs.getString("status")), rs.getObject("patient_id", UUID.class),
				rs.getObject("template_id", UUID.class), rs.getString("template_code"), rs.getInt("template_version"),
				rs.getString("coordinator_id"), rs.getObject("partner_id", UUID.class),
				rs.getTimestamp("anchor_at").toInstant(), next, rs.getInt("open_alerts"),
				Arrays.stream((String[]) rs.getArray("open_alert_kinds").getArray()).map(AlertKind::valueOf).toList());
	}

	/** A pathway in the list, before the caller's view of the patient is applied. */
	record WorkRow(UUID pathwayId, long version, PathwayStatus status, UUID patientId, UUID templateId,
			String templateCode, int templateVersion, String coordinatorId, @Nullable UUID partnerId, Instant anchorAt,
			@Nullable NextStep nextStep, int openAlerts, List<AlertKind> alertKinds) {

	}

	/** The open step due first. */
	record NextStep(UUID id, StepKind kind, LocalizedNames names, Instant dueAt, StepStatus status) {

	}

}
