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
 * Records accesses to patient records: who, with which roles, for which partner, when,
 * what, why (when declared), whether it was allowed and in which request. Must run in the
 * transaction of the access itself: a read whose audit row cannot be written fails with
 * it, so no read goes unrecorded. The table only grows (V3 migration): nothing here
 * updates or deletes, and the database would refuse it.
 */
@Repository
public class AccessLog {

	private static final String INSERT = """
			insert into patient_access (patient_id, actor, roles, purpose, partner_id, action, outcome, item_id,
			                            correlation_id, accessed_at)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID patientId, Accessor accessor, AccessAction action) {
		insert(patientId, accessor, action, "ALLOWED", null);
	}

	/** An access to one part of the record, such as a consent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID patientId, Accessor accessor, AccessAction action, UUID itemId) {
		insert(patientId, accessor, action, "ALLOWED", itemId);
	}

	/**
	 * An access refused by a rule about the patient (a partner without consent): the
	 * caller must commit it although the request fails.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordRefusal(UUID patientId, Accessor accessor, AccessAction action) {
		insert(patientId, accessor, action, "REFUSED", null);
	}

	/** One row per patient shown, in one statement, for lists and search results. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(Collection<UUID> patientIds, Accessor accessor, AccessAction action) {
		if (patientIds.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT + """
				select shown, ?, ?, ?, ?, ?, 'ALLOWED', null, ?, ? from unnest(?::uuid[]) as shown
				""")
			.params(accessor.subject(), roles(accessor), purpose(accessor), accessor.partnerId(), action.name(),
					CorrelationIds.current(), Timestamp.from(clock.instant()),
					patientIds.stream().map(UUID::toString).toArray(String[]::new))
			.update();
	}

	private void insert(UUID patientId, Accessor accessor, AccessAction action, String outcome, @Nullable UUID itemId) {
		jdbc.sql(INSERT + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(patientId, accessor.subject(), roles(accessor), purpose(accessor), accessor.partnerId(),
					action.name(), outcome, itemId, CorrelationIds.current(), Timestamp.from(clock.instant()))
			.update();
	}

	private static String[] roles(Accessor accessor) {
		return accessor.roles().stream().sorted().toArray(String[]::new);
	}

	private static @Nullable String purpose(Accessor accessor) {
		return accessor.purpose() == null ? null : accessor.purpose().code();
	}

}
