package care.parcours.patient.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import care.parcours.platform.web.CorrelationIds;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records accesses to patient records: who, with which roles, when, what, why (when
 * declared) and in which request. Must run in the transaction of the access itself: a
 * read whose audit row cannot be written fails with it, so no read goes unrecorded.
 */
@Repository
public class AccessLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID patientId, Accessor accessor, AccessAction action) {
		record(patientId, accessor, action, null);
	}

	/**
	 * Records an access to one item of a record, such as a document downloaded, so that
	 * the trail says which.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID patientId, Accessor accessor, AccessAction action, @Nullable UUID itemId) {
		jdbc.sql("""
				insert into patient_access (patient_id, actor, roles, purpose, action, correlation_id, accessed_at,
				                            item_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(patientId, accessor.subject(), accessor.roles().stream().sorted().toArray(String[]::new),
					accessor.purpose() == null ? null : accessor.purpose().code(), action.name(),
					CorrelationIds.current(), Timestamp.from(clock.instant()), itemId)
			.update();
	}

	/** One row per patient shown, in one statement, for lists and search results. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Collection<UUID> patientIds, Accessor accessor, AccessAction action) {
		if (patientIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into patient_access (patient_id, actor, roles, purpose, action, correlation_id, accessed_at)
				select shown, ?, ?, ?, ?, ?, ? from unnest(?::uuid[]) as shown
				""")
			.params(accessor.subject(), accessor.roles().stream().sorted().toArray(String[]::new),
					accessor.purpose() == null ? null : accessor.purpose().code(), action.name(),
					CorrelationIds.current(), Timestamp.from(clock.instant()),
					patientIds.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

}
