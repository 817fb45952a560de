package care.parcours.scheduling.chains;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pathway moves handled, by move id: the platform's consumer recognises an event
 * delivered again by its id, this recognises the same move published again under another.
 */
@Repository
class PathwayMoves {

	private final JdbcClient jdbc;

	PathwayMoves(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the move as being handled, in the caller's transaction; a second
	 * transaction claiming the same move waits for the first and then gets {@code false}.
	 * @return whether the move is new and this transaction is to handle it
	 */
	boolean claim(UUID moveId, UUID pathwayId, Instant now) {
		return jdbc.sql("""
				insert into pathway_move (move_id, pathway_id, received_at) values (?, ?, ?)
				on conflict (move_id) do nothing
				""").params(moveId, pathwayId, Timestamp.from(now)).update() == 1;
	}

	void applied(UUID moveId, UUID chainId, UUID cascadeId) {
		jdbc.sql("update pathway_move set outcome = 'APPLIED', chain_id = ?, cascade_id = ? where move_id = ?")
			.params(chainId, cascadeId, moveId)
			.update();
	}

	void refused(UUID moveId, PathwayMove.Reason reason) {
		jdbc.sql("update pathway_move set outcome = 'REFUSED', refusal = ? where move_id = ?")
			.params(reason.name(), moveId)
			.update();
	}

}
