package care.parcours.patient.timeline;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises the work that events and jobs do on one pathway: events about its steps
 * arrive on several partitions at once (a hold and an appointment have different keys),
 * and each folds a step's track then saves the pathway over the version it read. Locking
 * the pathway's row first, in the caller's transaction, makes them take turns instead of
 * failing on a stale version and being retried.
 */
@Component
public class PathwayLocks {

	private final JdbcClient jdbc;

	PathwayLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for the pathway's lock, held until the transaction ends.
	 * @return whether the pathway exists
	 */
	public boolean lock(UUID pathwayId) {
		return jdbc.sql("select id from pathway where id = ? for update")
			.param(pathwayId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Takes the pathway's lock if nobody holds it, until the transaction ends.
	 * @return whether it was taken: {@code false} when the pathway is being worked on (or
	 * does not exist), to be tried again later
	 */
	public boolean tryLock(UUID pathwayId) {
		return jdbc.sql("select id from pathway where id = ? for update skip locked")
			.param(pathwayId)
			.query(UUID.class)
			.optional()
			.isPresent();
	}

}
