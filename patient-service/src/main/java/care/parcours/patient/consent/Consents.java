package care.parcours.patient.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.patient.consent.Consent.Statement;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every consent ever recorded. A withdrawal is written onto its consent (checked by
 * version); nothing is ever deleted.
 */
@Repository
class Consents {

	private static final String COLUMNS = """
			select id, patient_id, purpose, partner_id, method, effective_from, recorded_by, recorded_at,
			       withdrawn_at, withdrawal_method, withdrawal_recorded_by, withdrawal_recorded_at, version
			from consent
			""";

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Consent consent) {
		Statement grant = consent.grant();
		jdbc.sql("""
				insert into consent (id, patient_id, purpose, partner_id, method, effective_from, recorded_by,
				                     recorded_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(consent.id(), consent.patientId(), consent.purpose().name(), consent.partnerId(),
					grant.method().name(), Timestamp.from(grant.effectiveAt()), grant.recordedBy(),
					Timestamp.from(grant.recordedAt()), consent.version())
			.update();
	}

	/**
	 * Writes the withdrawal of a consent still at the version before.
	 * @throws StaleVersion when another change won the race
	 */
	void recordWithdrawal(Consent consent) {
		Statement withdrawal = consent.withdrawal();
		if (withdrawal == null) {
			throw new IllegalArgumentException("Consent " + consent.id() + " has not been withdrawn");
		}
		int updated = jdbc.sql("""
				update consent set withdrawn_at = ?, withdrawal_method = ?, withdrawal_recorded_by = ?,
				                   withdrawal_recorded_at = ?, version = ?
				where id = ? and version = ? and withdrawn_at is null
				""")
			.params(Timestamp.from(withdrawal.effectiveAt()), withdrawal.method().name(), withdrawal.recordedBy(),
					Timestamp.from(withdrawal.recordedAt()), consent.version(), consent.id(), consent.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Consent " + consent.id());
		}
	}

	Optional<Consent> find(UUID patientId, UUID id) {
		return jdbc.sql(COLUMNS + " where id = ? and patient_id = ?")
			.params(id, patientId)
			.query(Consents::consent)
			.optional();
	}

	/** The patient's consents, the latest recorded first, withdrawn ones included. */
	Page<Consent> ofPatient(UUID patientId, PageQuery query) {
		List<Consent> content = jdbc
			.sql(COLUMNS + " where patient_id = ? order by recorded_at desc, id limit ? offset ?")
			.params(patientId, query.size(), query.offset())
			.query(Consents::consent)
			.list();
		long total = jdbc.sql("select count(*) from consent where patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	/** The consents a patient gave to share with one partner, withdrawn ones included. */
	List<Consent> sharingWith(UUID patientId, UUID partnerId) {
		return jdbc.sql(COLUMNS + " where patient_id = ? and purpose = 'SHARING_WITH_PARTNER' and partner_id = ?")
			.params(patientId, partnerId)
			.query(Consents::consent)
			.list();
	}

	/** Every consent of a patient, withdrawn ones included, the latest recorded first. */
	List<Consent> allOf(UUID patientId) {
		return jdbc.sql(COLUMNS + " where patient_id = ? order by recorded_at desc, id")
			.param(patientId)
			.query(Consents::consent)
			.list();
	}

	/** A patient as consents see them: erased or not. */
	private static Consent consent(ResultSet rs, int row) throws SQLException {
		Statement grant = new Statement(ConsentMethod.valueOf(rs.getString("method")), instant(rs, "effective_from"),
				rs.getString("recorded_by"), instant(rs, "recorded_at"));
		Statement withdrawal = rs.getTimestamp("withdrawn_at") == null ? null
				: new Statement(ConsentMethod.valueOf(rs.getString("withdrawal_method")), instant(rs, "withdrawn_at"),
						rs.getString("withdrawal_recorded_by"), instant(rs, "withdrawal_recorded_at"));
		return new Consent(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				ConsentPurpose.valueOf(rs.getString("purpose")), rs.getObject("partner_id", UUID.class), grant,
				withdrawal, rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
