package care.parcours.patient.pathways;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import care.parcours.patient.templates.TimeOffset;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All pathways, each saved whole over the version it was read at, with its events
 * (through the outbox, the pathway's id on their envelopes) and the work list's columns
 * (next step, open alerts, urgency) recomputed from the aggregate in the same statement,
 * so they never drift from it. Only the steps and alerts that changed are written.
 */
@Repository
class Pathways {

	private static final String PATHWAY = """
			select id, patient_id, template_id, template_version, template_code, anchor_at, coordinator_id,
			       partner_id, status, outcome, status_reason, version, opened_at, changed_at, ended_at
			from pathway
			""";

	private static final String STEPS = """
			select id, key, kind, name_fr, name_en, name_nl, status, due_at, offset_from_anchor, tolerance, anchor,
			       depends_on, owner_role, assignee_id, specialty, appointment_type, booking_id, reason,
			       added_by_hand, position, changed_at
			from pathway_step where pathway_id = ? order by position
			""";

	private static final String ALERTS = """
			select id, step_id, kind, raised_at, resolved_at, resolved_by, resolution
			from pathway_alert where pathway_id = ? order by raised_at, id
			""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Pathways(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void add(Pathway.Change opened) {
		Pathway pathway = opened.pathway();
		jdbc.sql("""
				insert into pathway (id, patient_id, template_id, template_version, template_code, anchor_at,
				                     coordinator_id, partner_id, status, version, opened_at, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(pathway.id(), pathway.patientId(), pathway.templateId(), pathway.templateVersion(),
					pathway.templateCode(), ts(pathway.anchorAt()), pathway.coordinatorId(), pathway.partnerId(),
					pathway.status().name(), pathway.version(), ts(pathway.openedAt()), ts(pathway.changedAt()))
			.update();
		write(null, pathway);
		announce(opened);
	}

	/**
	 * Writes a changed pathway over the version before the change.
	 * @throws StaleVersion when someone changed it in between
	 */
	void save(Pathway before, Pathway.Change change) {
		Pathway pathway = change.pathway();
		int updated = jdbc.sql("""
				update pathway set anchor_at = ?, status = ?, outcome = ?, status_reason = ?, version = ?,
				                   changed_at = ?, ended_at = ?
				where id = ? and version = ?
				""")
			.params(ts(pathway.anchorAt()), pathway.status().name(),
					pathway.outcome() == null ? null : pathway.outcome().name(), pathway.statusReason(),
					pathway.version(), ts(pathway.changedAt()), ts(pathway.endedAt()), pathway.id(), before.version())
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Pathway " + pathway.id());
		}
		write(before, pathway);
		announce(change);
	}

	Optional<Pathway> find(UUID id) {
		return jdbc.sql(PATHWAY + " where id = ?").param(id).query(this::map).optional();
	}

	/**
	 * The same, locked until the transaction ends: changes from events queue behind it.
	 */
	Optional<Pathway> lock(UUID id) {
		return jdbc.sql(PATHWAY + " where id = ? for update").param(id).query(this::map).optional();
	}

	List<UUID> ofPatient(UUID patientId) {
		return jdbc.sql("select id from pathway where patient_id = ? order by opened_at, id")
			.param(patientId)
			.query(UUID.class)
			.list();
	}

	Optional<UUID> ofBooking(UUID bookingId) {
		return jdbc.sql("select pathway_id from pathway_step where booking_id = ? limit 1")
			.param(bookingId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Planned or broken steps of active pathways late at {@code at}, tolerance included.
	 */
	List<PathwayService.DueStep> dueBefore(Instant at, int limit) {
		return jdbc.sql("""
				select s.pathway_id, s.id, s.due_at from pathway_step s join pathway p on p.id = s.pathway_id
				where s.status in ('PLANNED', 'BROKEN') and s.due_at < ? and s.due_at + s.tolerance::interval < ?
				  and p.status in ('OPEN', 'ON_HOLD')
				order by s.due_at limit ?
				""")
			.params(ts(at), ts(at), limit)
			.query((rs, row) -> new PathwayService.DueStep(rs.getObject("pathway_id", UUID.class),
					rs.getObject("id", UUID.class), rs.getTimestamp("due_at").toInstant()))
			.list();
	}

	/** The steps and alerts that changed, and the work list's columns. */
	private void write(@Nullable Pathway before, Pathway pathway) {
		Set<PathwayStep> unchangedSteps = before == null ? Set.of() : new HashSet<>(before.steps());
		pathway.steps().stream().filter(step -> !unchangedSteps.contains(step)).forEach(step -> upsert(pathway, step));
		Set<PathwayAlert> unchangedAlerts = before == null ? Set.of() : new HashSet<>(before.alerts());
		pathway.alerts()
			.stream()
			.filter(alert -> !unchangedAlerts.contains(alert))
			.forEach(alert -> upsert(pathway, alert));
		Optional<PathwayStep> next = pathway.nextStep();
		List<PathwayAlert> open = pathway.openAlerts();
		jdbc.sql("""
				update pathway set next_step_id = ?, next_step_kind = ?, next_step_due_at = ?, open_alerts = ?,
				                   open_alert_kinds = ?, urgency = ?
				where id = ?
				""")
			.params(next.map(PathwayStep::id).orElse(null), next.map(step -> step.kind().name()).orElse(null),
					next.map(step -> ts(step.dueAt())).orElse(null), open.size(),
					open.stream().map(alert -> alert.kind().name()).distinct().sorted().toArray(String[]::new),
					open.isEmpty() ? 1 : 0, pathway.id())
			.update();
	}

	private void upsert(Pathway pathway, PathwayStep step) {
		jdbc.sql(
				"""
						insert into pathway_step (id, pathway_id, position, key, kind, name_fr, name_en, name_nl, status, due_at,
						                          offset_from_anchor, tolerance, anchor, depends_on, owner_role, assignee_id,
						                          specialty, appointment_type, booking_id, reason, added_by_hand, changed_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (id) do update set status = excluded.status, due_at = excluded.due_at,
						    owner_role = excluded.owner_role, assignee_id = excluded.assignee_id,
						    booking_id = excluded.booking_id, reason = excluded.reason, changed_at = excluded.changed_at
						""")
			.params(step.id(), pathway.id(), step.position(), step.key(), step.kind().name(), step.names().fr(),
					step.names().en(), step.names().nl(), step.status().name(), ts(step.dueAt()),
					step.offset().toString(), step.tolerance().toString(), step.anchor(),
					step.dependsOn().toArray(String[]::new), step.ownerRole().name(), step.assigneeId(),
					step.specialty(), step.appointmentType(), step.bookingId(), step.reason(), step.addedByHand(),
					ts(step.changedAt()))
			.update();
	}

	private void upsert(Pathway pathway, PathwayAlert alert) {
		jdbc.sql(
				"""
						insert into pathway_alert (id, pathway_id, step_id, kind, raised_at, resolved_at, resolved_by, resolution)
						values (?, ?, ?, ?, ?, ?, ?, ?)
						on conflict (id) do update set resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by,
						    resolution = excluded.resolution
						""")
			.params(alert.id(), pathway.id(), alert.stepId(), alert.kind().name(), ts(alert.raisedAt()),
					ts(alert.resolvedAt()), alert.resolvedBy(), alert.resolution())
			.update();
	}

	private void announce(Pathway.Change change) {
		Pathway pathway = change.pathway();
		change.events().forEach(event -> outbox.publish(event, pathway.id(), pathway.version(), pathway.id()));
	}

	private Pathway map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String outcome = rs.getString("outcome");
		List<PathwayStep> steps = jdbc.sql(STEPS).param(id).query(Pathways::step).list();
		List<PathwayAlert> alerts = jdbc.sql(ALERTS).param(id).query(Pathways::alert).list();
		return new Pathway(id, rs.getObject("patient_id", UUID.class), rs.getObject("template_id", UUID.class),
				rs.getInt("template_version"), rs.getString("template_code"), instant(rs, "anchor_at"),
				rs.getString("coordinator_id"), rs.getObject("partner_id", UUID.class),
				PathwayStatus.valueOf(rs.getString("status")), outcome == null ? null : Outcome.valueOf(outcome),
				rs.getString("status_reason"), steps, alerts, rs.getLong("version"), instant(rs, "opened_at"),
				instant(rs, "changed_at"), nullableInstant(rs, "ended_at"));
	}

	private static PathwayStep step(ResultSet rs, int row) throws SQLException {
		return new PathwayStep(rs.getObject("id", UUID.class), rs.getString("key"),
				StepKind.valueOf(rs.getString("kind")),
				new LocalizedNames(rs.getString("name_fr"), rs.getString("name_en"), rs.getString("name_nl")),
				StepStatus.valueOf(rs.getString("status")), instant(rs, "due_at"),
				TimeOffset.parse("offset", rs.getString("offset_from_anchor")),
				TimeOffset.parse("tolerance", rs.getString("tolerance")), rs.getBoolean("anchor"),
				Arrays.asList((String[]) rs.getArray("depends_on").getArray()),
				OwnerRole.valueOf(rs.getString("owner_role")), rs.getString("assignee_id"), rs.getString("specialty"),
				rs.getString("appointment_type"), rs.getObject("booking_id", UUID.class), rs.getString("reason"),
				rs.getBoolean("added_by_hand"), rs.getInt("position"), instant(rs, "changed_at"));
	}

	private static PathwayAlert alert(ResultSet rs, int row) throws SQLException {
		return new PathwayAlert(rs.getObject("id", UUID.class), rs.getObject("step_id", UUID.class),
				AlertKind.valueOf(rs.getString("kind")), instant(rs, "raised_at"), nullableInstant(rs, "resolved_at"),
				rs.getString("resolved_by"), rs.getString("resolution"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
