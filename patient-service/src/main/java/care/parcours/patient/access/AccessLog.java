package care.parcours.patient.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import care.parcours.platform.web.CorrelationIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records accesses to patient records. Must run in the transaction of the access itself:
 * a read whose audit row cannot be written fails with it, so no read goes unrecorded.
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
	public void record(UUID patientId, String actor, AccessAction action) {
		jdbc.sql("""
				insert into patient_access (patient_id, actor, action, correlation_id, accessed_at)
				values (?, ?, ?, ?, ?)
				""")
			.params(patientId, actor, action.name(), CorrelationIds.current(), Timestamp.from(clock.instant()))
			.update();
	}

}
