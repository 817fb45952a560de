package care.parcours.billing.coverage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.money.Money;
import care.parcours.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every prior authorisation, each change written with its events (on the quote's
 * pathway). Updates are checked by version.
 */
@Repository
class Authorisations {

	private static final String COLUMNS = """
			id, quote_id, quote_version, pathway_id, step_id, policy_id, insurer_id, status, currency,
			requested_amount, approved_amount, valid_until, expires_at, requested_at, decided_at, version""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Authorisations(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void add(PriorAuthorisation authorisation) {
		jdbc.sql("insert into prior_authorisation (" + COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(authorisation.id(), authorisation.quoteId(), authorisation.quoteVersion(),
					authorisation.pathwayId(), authorisation.stepId(), authorisation.policyId(),
					authorisation.insurerId(), authorisation.status().name(),
					authorisation.requested().currency().getCurrencyCode(), authorisation.requested().amount(),
					amount(authorisation.approved()), authorisation.validUntil(), ts(authorisation.expiresAt()),
					ts(authorisation.requestedAt()), ts(authorisation.decidedAt()), authorisation.version())
			.update();
	}

	void save(PriorAuthorisation.Change change) {
		PriorAuthorisation changed = change.authorisation();
		int updated = jdbc.sql("""
				update prior_authorisation
				set status = ?, approved_amount = ?, valid_until = ?, expires_at = ?, decided_at = ?, version = ?
				where id = ? and version = ?
				""")
			.params(changed.status().name(), amount(changed.approved()), changed.validUntil(), ts(changed.expiresAt()),
					ts(changed.decidedAt()), changed.version(), changed.id(), changed.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Authorisation " + changed.id());
		}
		change.events().forEach(event -> outbox.publish(event, changed.id(), changed.version(), changed.pathwayId()));
	}

	Optional<PriorAuthorisation> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from prior_authorisation where id = ? for update")
			.param(id)
			.query(Authorisations::map)
			.optional();
	}

	Optional<PriorAuthorisation> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from prior_authorisation where id = ?")
			.param(id)
			.query(Authorisations::map)
			.optional();
	}

	/** A quote's authorisations, latest request first. */
	List<PriorAuthorisation> ofQuote(UUID quoteId) {
		return jdbc
			.sql("select " + COLUMNS + " from prior_authorisation where quote_id = ? order by requested_at desc, id")
			.param(quoteId)
			.query(Authorisations::map)
			.list();
	}

	/**
	 * Approvals past their date, locked so that two instances never expire the same one.
	 */
	List<PriorAuthorisation> due(Instant now, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from prior_authorisation where status = 'APPROVED' and expires_at <= ?"
					+ " order by expires_at limit ? for update skip locked")
			.params(ts(now), limit)
			.query(Authorisations::map)
			.list();
	}

	private static @Nullable BigDecimal amount(@Nullable Money money) {
		return money == null ? null : money.amount();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static PriorAuthorisation map(ResultSet rs, int row) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		BigDecimal approved = rs.getBigDecimal("approved_amount");
		Timestamp expires = rs.getTimestamp("expires_at");
		Timestamp decided = rs.getTimestamp("decided_at");
		return new PriorAuthorisation(rs.getObject("id", UUID.class), rs.getObject("quote_id", UUID.class),
				rs.getInt("quote_version"), rs.getObject("pathway_id", UUID.class), rs.getObject("step_id", UUID.class),
				rs.getObject("policy_id", UUID.class), rs.getObject("insurer_id", UUID.class),
				AuthorisationStatus.valueOf(rs.getString("status")),
				new Money(rs.getBigDecimal("requested_amount"), currency),
				approved == null ? null : new Money(approved, currency), rs.getObject("valid_until", LocalDate.class),
				expires == null ? null : expires.toInstant(), rs.getTimestamp("requested_at").toInstant(),
				decided == null ? null : decided.toInstant(), rs.getLong("version"));
	}

}
