package care.parcours.patient.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.web.PageQuery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every pathway's timeline entries. */
@Repository
class TimelineEntries {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	TimelineEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds an entry, unless the same fact (same source, version and event type) is on the
	 * pathway's timeline already, as when it was re-published under a new event id.
	 * @return whether it was added
	 */
	boolean add(TimelineEntry entry) {
		return jdbc.sql("""
				insert into pathway_timeline_entry (id, pathway_id, step_id, what, occurred_at, recorded_at, event_id,
				    event_type, source_id, source_version, applied, step_status, details)
				values (:id, :pathwayId, :stepId, :what, :occurredAt, :recordedAt, :eventId, :eventType, :sourceId,
				    :sourceVersion, :applied, :stepStatus, cast(:details as jsonb))
				on conflict on constraint pathway_timeline_entry_fact do nothing
				""")
			.param("id", entry.id())
			.param("pathwayId", entry.pathwayId())
			.param("stepId", entry.stepId())
			.param("what", entry.what())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("recordedAt", Timestamp.from(entry.recordedAt()))
			.param("eventId", entry.eventId())
			.param("eventType", entry.eventType())
			.param("sourceId", entry.sourceId())
			.param("sourceVersion", entry.sourceVersion())
			.param("applied", entry.applied())
			.param("stepStatus", entry.stepStatus())
			.param("details", json.writeValueAsString(entry.details()))
			.update() == 1;
	}

	/** A page of a pathway's timeline, by the time each fact happened. */
	List<TimelineEntry> page(UUID pathwayId, PageQuery page, boolean newestFirst) {
		String order = newestFirst ? "occurred_at desc, recorded_at desc, id desc" : "occurred_at, recorded_at, id";
		return jdbc
			.sql("select * from pathway_timeline_entry where pathway_id = :pathwayId order by " + order
					+ " limit :limit offset :offset")
			.param("pathwayId", pathwayId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
	}

	/** Every timeline entry of the patient's pathways, by pathway, oldest first. */
	List<TimelineEntry> ofPatient(UUID patientId) {
		return jdbc.sql("""
				select e.* from pathway_timeline_entry e join pathway p on p.id = e.pathway_id
				where p.patient_id = ? order by p.opened_at, e.pathway_id, e.occurred_at, e.recorded_at, e.id
				""").param(patientId).query(this::map).list();
	}

	long count(UUID pathwayId) {
		return jdbc.sql("select count(*) from pathway_timeline_entry where pathway_id = ?")
			.param(pathwayId)
			.query(Long.class)
			.single();
	}

	private TimelineEntry map(ResultSet rs, int row) throws SQLException {
		return new TimelineEntry(rs.getObject("id", UUID.class), rs.getObject("pathway_id", UUID.class),
				rs.getObject("step_id", UUID.class), rs.getString("what"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("event_id"), rs.getString("event_type"),
				rs.getString("source_id"), rs.getLong("source_version"), rs.getBoolean("applied"),
				rs.getString("step_status"), json.readValue(rs.getString("details"), DETAILS));
	}

}
