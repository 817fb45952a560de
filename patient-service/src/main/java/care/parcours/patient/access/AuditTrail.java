package care.parcours.patient.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail as administrators read it: per patient or per user, newest first.
 * Reading it opens no record, so it is not itself audited.
 */
@Repository
class AuditTrail {

	private static final String COLUMNS = """
			select id, patient_id, actor, roles, purpose, partner_id, action, outcome, item_id, correlation_id,
			       accessed_at from patient_access
			""";

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws NotFoundException when no patient has the id
	 */
	Page<AccessEntry> ofPatient(UUID patientId, PageQuery query) {
		boolean known = jdbc.sql("select exists (select 1 from patient where id = ?)")
			.param(patientId)
			.query(Boolean.class)
			.single();
		if (!known) {
			throw new NotFoundException("patient-not-found", "No patient record has the id " + patientId + ".");
		}
		List<AccessEntry> content = jdbc
			.sql(COLUMNS + " where patient_id = ? order by accessed_at desc, id desc limit ? offset ?")
			.params(patientId, query.size(), query.offset())
			.query(AuditTrail::entry)
			.list();
		long total = jdbc.sql("select count(*) from patient_access where patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	Page<AccessEntry> ofUser(String actor, PageQuery query) {
		List<AccessEntry> content = jdbc
			.sql(COLUMNS + " where actor = ? order by accessed_at desc, id desc limit ? offset ?")
			.params(actor, query.size(), query.offset())
			.query(AuditTrail::entry)
			.list();
		long total = jdbc.sql("select count(*) from patient_access where actor = ?")
			.param(actor)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	private static AccessEntry entry(ResultSet rs, int row) throws SQLException {
		Array roles = rs.getArray("roles");
		return new AccessEntry(rs.getLong("id"), rs.getObject("patient_id", UUID.class), rs.getString("actor"),
				List.of((String[]) roles.getArray()), rs.getString("purpose"), rs.getObject("partner_id", UUID.class),
				rs.getString("action"), rs.getString("outcome"), rs.getObject("item_id", UUID.class),
				rs.getString("correlation_id"), rs.getTimestamp("accessed_at").toInstant());
	}

	/**
	 * One access: who ({@code actor}, their roles, the partner a client acted for), what
	 * ({@code action} on the patient, {@code itemId} the consent it concerned), why
	 * ({@code purpose}), whether it was allowed, when, in which request.
	 */
	record AccessEntry(long id, UUID patientId, String actor, List<String> roles, @Nullable String purpose,
			@Nullable UUID partnerId, String action, String outcome, @Nullable UUID itemId, String correlationId,
			Instant accessedAt) {

	}

}
