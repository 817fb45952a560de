package care.parcours.billing.coverage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.money.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients' policies with their rules; changes checked by version. */
@Repository
class Policies {

	private static final String COLUMNS = """
			p.id, p.patient_id, p.insurer_id, i.kind as insurer_kind, p.currency, p.deductible, p.valid_from,
			p.valid_until, p.version, p.created_at""";

	private final JdbcClient jdbc;

	Policies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Policy policy) {
		jdbc.sql("""
				insert into policy (id, patient_id, insurer_id, currency, deductible, valid_from, valid_until, version,
				                    created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(policy.id(), policy.patientId(), policy.insurerId(),
					policy.deductible().currency().getCurrencyCode(), policy.deductible().amount(), policy.validFrom(),
					policy.validUntil(), policy.version(), Timestamp.from(policy.createdAt()))
			.update();
		addRules(policy);
	}

	void save(Policy policy) {
		int updated = jdbc.sql("""
				update policy set deductible = ?, valid_from = ?, valid_until = ?, version = ?
				where id = ? and version = ?
				""")
			.params(policy.deductible().amount(), policy.validFrom(), policy.validUntil(), policy.version(),
					policy.id(), policy.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Policy " + policy.id());
		}
		jdbc.sql("delete from policy_rule where policy_id = ?").param(policy.id()).update();
		addRules(policy);
	}

	Optional<Policy> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from policy p join insurer i on i.id = p.insurer_id where p.id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<Policy> lock(UUID id) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from policy p join insurer i on i.id = p.insurer_id where p.id = ? for update of p")
			.param(id)
			.query(this::map)
			.optional();
	}

	/**
	 * The patient's policies, oldest first; only those in force on {@code day} when
	 * given.
	 */
	List<Policy> ofPatient(UUID patientId, @org.jspecify.annotations.Nullable LocalDate day) {
		return jdbc.sql("select " + COLUMNS + """
				 from policy p join insurer i on i.id = p.insurer_id
				where p.patient_id = ?
				  and (cast(? as date) is null or (p.valid_from <= ? and (p.valid_until is null or p.valid_until >= ?)))
				order by p.created_at, p.id
				""").params(patientId, day, day, day).query(this::map).list();
	}

	private void addRules(Policy policy) {
		for (CoverageRule rule : policy.rules()) {
			jdbc.sql("""
					insert into policy_rule (policy_id, item_kind, share_percent, ceiling, authorisation_required)
					values (?, ?, ?, ?, ?)
					""")
				.params(policy.id(), rule.kind().name(), rule.sharePercent(),
						rule.ceiling() == null ? null : rule.ceiling().amount(), rule.authorisationRequired())
				.update();
		}
	}

	private Policy map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Currency currency = Currency.getInstance(rs.getString("currency"));
		List<CoverageRule> rules = jdbc.sql("""
				select item_kind, share_percent, ceiling, authorisation_required from policy_rule
				where policy_id = ? order by item_kind
				""").param(id).query((r, n) -> {
			BigDecimal ceiling = r.getBigDecimal("ceiling");
			return new CoverageRule(ItemKind.valueOf(r.getString("item_kind")), r.getBigDecimal("share_percent"),
					ceiling == null ? null : new Money(ceiling, currency), r.getBoolean("authorisation_required"));
		}).list();
		return new Policy(id, rs.getObject("patient_id", UUID.class), rs.getObject("insurer_id", UUID.class),
				InsurerKind.valueOf(rs.getString("insurer_kind")), new Money(rs.getBigDecimal("deductible"), currency),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rules,
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

}
