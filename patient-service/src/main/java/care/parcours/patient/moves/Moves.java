package care.parcours.patient.moves;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every pathway's moves. An answer is written over the pending move only: a move answered
 * already is never answered again.
 */
@Repository
class Moves {

	private static final TypeReference<List<Move.Booked>> BOOKED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	Moves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a move; the database refuses a second pending one for the pathway. */
	void add(Move move) {
		jdbc.sql("""
				insert into pathway_move (id, pathway_id, status, previous_anchor_at, anchor_at, booked, root_start,
				    requested_by, requested_at, answered_at)
				values (:id, :pathwayId, :status, :previousAnchor, :anchor, cast(:booked as jsonb), :rootStart,
				    :requestedBy, :requestedAt, :answeredAt)
				""")
			.param("id", move.id())
			.param("pathwayId", move.pathwayId())
			.param("status", move.status().name())
			.param("previousAnchor", Timestamp.from(move.previousAnchor()))
			.param("anchor", Timestamp.from(move.anchor()))
			.param("booked", json.writeValueAsString(move.booked()))
			.param("rootStart", timestamp(move.rootStart()))
			.param("requestedBy", move.requestedBy())
			.param("requestedAt", Timestamp.from(move.requestedAt()))
			.param("answeredAt", timestamp(move.answeredAt()))
			.update();
	}

	/** Writes scheduling's answer over the pending move. */
	void answer(Move move) {
		Move.Refusal refusal = move.refusal();
		int updated = jdbc.sql("""
				update pathway_move set status = :status, answered_at = :answeredAt, cascade_id = :cascadeId,
				    moved_appointment_ids = :moved, refused_step_id = :refusedStep,
				    refused_appointment_id = :refusedAppointment, refusal_reason = :reason
				where id = :id and status = 'PENDING'
				""")
			.param("status", move.status().name())
			.param("answeredAt", timestamp(move.answeredAt()))
			.param("cascadeId", move.cascadeId())
			.param("moved", move.movedAppointmentIds().toArray(UUID[]::new))
			.param("refusedStep", (refusal == null) ? null : refusal.stepId())
			.param("refusedAppointment", (refusal == null) ? null : refusal.appointmentId())
			.param("reason", (refusal == null) ? null : refusal.reason())
			.param("id", move.id())
			.update();
		if (updated == 0) {
			throw new ConflictException("move-answered", "Move " + move.id() + " was answered already.");
		}
	}

	Optional<Move> find(UUID id) {
		return jdbc.sql("select * from pathway_move where id = ?").param(id).query(this::map).optional();
	}

	Optional<Move> pending(UUID pathwayId) {
		return jdbc.sql("select * from pathway_move where pathway_id = ? and status = 'PENDING'")
			.param(pathwayId)
			.query(this::map)
			.optional();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant == null) ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

	private Move map(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("refusal_reason");
		Move.Refusal refusal = (reason == null) ? null : new Move.Refusal(rs.getObject("refused_step_id", UUID.class),
				rs.getObject("refused_appointment_id", UUID.class), reason);
		Array moved = rs.getArray("moved_appointment_ids");
		return new Move(rs.getObject("id", UUID.class), rs.getObject("pathway_id", UUID.class),
				Move.Status.valueOf(rs.getString("status")), rs.getTimestamp("previous_anchor_at").toInstant(),
				rs.getTimestamp("anchor_at").toInstant(), json.readValue(rs.getString("booked"), BOOKED),
				instant(rs.getTimestamp("root_start")), rs.getString("requested_by"),
				rs.getTimestamp("requested_at").toInstant(), instant(rs.getTimestamp("answered_at")),
				rs.getObject("cascade_id", UUID.class), Arrays.asList((UUID[]) moved.getArray()), refusal);
	}

}
