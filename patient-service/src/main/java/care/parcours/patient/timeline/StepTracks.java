package care.parcours.patient.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each step's {@link StepTrack}, a row per source. Written only while the pathway is
 * locked ({@link PathwayLocks}), so two events about one step never fold over each other.
 */
@Repository
class StepTracks {

	private final JdbcClient jdbc;

	StepTracks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	StepTrack of(UUID stepId) {
		List<StepTrack.Source> sources = jdbc.sql("select * from pathway_step_source where step_id = ?")
			.param(stepId)
			.query(StepTracks::map)
			.list();
		return new StepTrack(sources.stream().collect(Collectors.toMap(StepTrack.Source::id, Function.identity())));
	}

	/** Writes the sources that the fold changed. */
	void save(UUID stepId, StepTrack before, StepTrack after) {
		after.sources()
			.values()
			.stream()
			.filter(source -> !source.equals(before.sources().get(source.id())))
			.forEach(source -> jdbc.sql("""
					insert into pathway_step_source (step_id, source_id, state, version, start_at, start_version,
					    since, changed_at, superseded)
					values (:stepId, :sourceId, :state, :version, :start, :startVersion, :since, :changedAt,
					    :superseded)
					on conflict (step_id, source_id) do update set state = excluded.state,
					    version = excluded.version, start_at = excluded.start_at,
					    start_version = excluded.start_version, since = excluded.since,
					    changed_at = excluded.changed_at, superseded = excluded.superseded
					""")
				.param("stepId", stepId)
				.param("sourceId", source.id())
				.param("state", source.state().name())
				.param("version", source.version())
				.param("start", timestamp(source.start()))
				.param("startVersion", source.startVersion())
				.param("since", Timestamp.from(source.since()))
				.param("changedAt", Timestamp.from(source.changedAt()))
				.param("superseded", source.superseded())
				.update());
	}

	/** The latest start known of each of these holds or appointments, by id. */
	Map<UUID, Instant> startsOf(Collection<UUID> sources) {
		if (sources.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select source_id, max(start_at) as start_at from pathway_step_source
				where source_id in (:sources) and start_at is not null group by source_id
				""")
			.param("sources", sources)
			.query((rs, row) -> Map.entry(rs.getObject("source_id", UUID.class),
					rs.getTimestamp("start_at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant == null) ? null : Timestamp.from(instant);
	}

	private static StepTrack.Source map(ResultSet rs, int row) throws SQLException {
		Timestamp start = rs.getTimestamp("start_at");
		return new StepTrack.Source(rs.getObject("source_id", UUID.class),
				StepTrack.State.valueOf(rs.getString("state")), rs.getLong("version"),
				(start == null) ? null : start.toInstant(), rs.getLong("start_version"),
				rs.getTimestamp("since").toInstant(), rs.getTimestamp("changed_at").toInstant(),
				rs.getBoolean("superseded"));
	}

}
