package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Nomenclature;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.money.Money;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All quotes with their versions, lines and shares; each change written with its events
 * (on the quote's pathway) over the version it was read at.
 */
@Repository
class Quotes {

	private static final String QUOTE_COLUMNS = "id, patient_id, partner_id, pathway_id, step_id, version, created_at";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Quotes(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	void add(Quote.Change drafted, Instant now) {
		Quote quote = drafted.quote();
		jdbc.sql("""
				insert into quote (id, patient_id, partner_id, pathway_id, step_id, status, latest_version,
				                   accepted_version, version, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(quote.id(), quote.patientId(), quote.partnerId(), quote.pathwayId(), quote.stepId(),
					quote.status().name(), quote.latest().number(), acceptedNumber(quote), quote.version(),
					ts(quote.createdAt()), ts(now))
			.update();
		writeVersions(drafted);
		announce(drafted);
	}

	/**
	 * Writes a changed quote over the version it was read at.
	 * @throws StaleVersion when someone changed it in between
	 */
	void save(Quote.Change change, Instant now) {
		Quote quote = change.quote();
		int updated = jdbc.sql("""
				update quote set status = ?, latest_version = ?, accepted_version = ?, version = ?, updated_at = ?
				where id = ? and version = ?
				""")
			.params(quote.status().name(), quote.latest().number(), acceptedNumber(quote), quote.version(), ts(now),
					quote.id(), quote.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Quote " + quote.id());
		}
		writeVersions(change);
		announce(change);
	}

	Optional<Quote> find(UUID id) {
		return load("select " + QUOTE_COLUMNS + " from quote where id = ?", id);
	}

	/** Locks the quote for the rest of the transaction. */
	Optional<Quote> lock(UUID id) {
		return load("select " + QUOTE_COLUMNS + " from quote where id = ? for update", id);
	}

	/**
	 * Quotes whose sent version lapsed, oldest first, locked so that two instances never
	 * expire the same one.
	 */
	List<UUID> due(Instant now, int limit) {
		return jdbc.sql("""
				select q.id from quote q join quote_version v on v.quote_id = q.id and v.number = q.latest_version
				where v.status = 'SENT' and v.expires_at <= ?
				order by v.expires_at limit ? for update of q skip locked
				""").params(ts(now), limit).query(UUID.class).list();
	}

	/** Quotes, newest first, of one partner, patient or pathway when given. */
	Page<Quote> list(@Nullable UUID partnerId, @Nullable UUID patientId, @Nullable UUID pathwayId,
			@Nullable QuoteStatus status, PageQuery page) {
		String where = """
				where (cast(:partnerId as uuid) is null or partner_id = :partnerId)
				  and (cast(:patientId as uuid) is null or patient_id = :patientId)
				  and (cast(:pathwayId as uuid) is null or pathway_id = :pathwayId)
				  and (cast(:status as text) is null or status = :status)
				""";
		List<UUID> ids = jdbc
			.sql("select id from quote " + where + " order by created_at desc, id limit :size offset :offset")
			.param("partnerId", partnerId)
			.param("patientId", patientId)
			.param("pathwayId", pathwayId)
			.param("status", status == null ? null : status.name())
			.param("size", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		long total = jdbc.sql("select count(*) from quote " + where)
			.param("partnerId", partnerId)
			.param("patientId", patientId)
			.param("pathwayId", pathwayId)
			.param("status", status == null ? null : status.name())
			.query(Long.class)
			.single();
		return Page.of(ids.stream().map(id -> find(id).orElseThrow()).toList(), page, total);
	}

	private void writeVersions(Quote.Change change) {
		Quote quote = change.quote();
		for (QuoteVersion version : quote.versions()) {
			if (change.written().contains(version.number())) {
				jdbc.sql("delete from quote_line_share where quote_id = ? and version_number = ?")
					.params(quote.id(), version.number())
					.update();
				jdbc.sql("delete from quote_line where quote_id = ? and version_number = ?")
					.params(quote.id(), version.number())
					.update();
				jdbc.sql("delete from quote_version where quote_id = ? and number = ?")
					.params(quote.id(), version.number())
					.update();
				insert(quote.id(), version);
			}
			else {
				jdbc.sql(
						"update quote_version set status = ?, sent_at = ?, closed_at = ? where quote_id = ? and number = ?")
					.params(version.status().name(), ts(version.sentAt()), ts(version.closedAt()), quote.id(),
							version.number())
					.update();
			}
		}
	}

	private void insert(UUID quoteId, QuoteVersion version) {
		Terms terms = version.terms();
		jdbc.sql("""
				insert into quote_version (quote_id, number, status, currency, language, patient_currency, valid_until,
				                           expires_at, net, vat, total, insurers_total, patient_total, created_at,
				                           sent_at, closed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(quoteId, version.number(), version.status().name(), terms.currency().getCurrencyCode(),
					terms.language(),
					terms.patientCurrency() == null ? null : terms.patientCurrency().getCurrencyCode(),
					terms.validUntil(), ts(version.expiresAt()), terms.net().amount(), terms.vat().amount(),
					terms.total().amount(), terms.split().insurersTotal().amount(),
					terms.split().patientTotal().amount(), ts(version.createdAt()), ts(version.sentAt()),
					ts(version.closedAt()))
			.update();
		for (QuoteLine line : terms.lines()) {
			CoverageSplit.LineSplit split = terms.split().lines().get(line.position() - 1);
			jdbc.sql(
					"""
							insert into quote_line (quote_id, version_number, position, item_id, kind, nomenclature, code, label,
							                        quantity, unit_price, discount_percent, vat_rate, gross, discount, net, vat,
							                        total, patient_share)
							values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""")
				.params(quoteId, version.number(), line.position(), line.itemId(), line.kind().name(),
						line.nomenclature().name(), line.code(), line.label(), line.quantity(),
						line.unitPrice().amount(), line.discountPercent(), line.vatRate().percent(),
						line.gross().amount(), line.discount().amount(), line.net().amount(), line.vat().amount(),
						line.total().amount(), split.patient().amount())
				.update();
			int rank = 0;
			for (CoverageSplit.InsurerShare share : split.shares()) {
				jdbc.sql("""
						insert into quote_line_share (quote_id, version_number, position, payer_rank, policy_id,
						                              insurer_id, amount, authorisation_required)
						values (?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(quoteId, version.number(), line.position(), ++rank, share.policyId(), share.insurerId(),
							share.amount().amount(), share.authorisationRequired())
					.update();
			}
		}
	}

	private void announce(Quote.Change change) {
		Quote quote = change.quote();
		change.events().forEach(event -> outbox.publish(event, quote.id(), quote.version(), quote.pathwayId()));
	}

	private Optional<Quote> load(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query((rs, row) -> quote(rs)).optional();
	}

	private Quote quote(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Map<Integer, List<QuoteLine>> lines = new HashMap<>();
		Map<Integer, List<CoverageSplit.LineSplit>> splits = new HashMap<>();
		Map<String, List<CoverageSplit.InsurerShare>> shares = new HashMap<>();
		jdbc.sql("""
				select version_number, position, policy_id, insurer_id, amount, authorisation_required, v.currency
				from quote_line_share s join quote_version v on v.quote_id = s.quote_id and v.number = s.version_number
				where s.quote_id = ? order by version_number, position, payer_rank
				""").param(id).query((r, n) -> {
			Currency currency = Currency.getInstance(r.getString("currency"));
			shares.computeIfAbsent(r.getInt("version_number") + "/" + r.getInt("position"), k -> new ArrayList<>())
				.add(new CoverageSplit.InsurerShare(r.getObject("policy_id", UUID.class),
						r.getObject("insurer_id", UUID.class), new Money(r.getBigDecimal("amount"), currency),
						r.getBoolean("authorisation_required")));
			return n;
		}).list();
		jdbc.sql("""
				select l.*, v.currency from quote_line l
				join quote_version v on v.quote_id = l.quote_id and v.number = l.version_number
				where l.quote_id = ? order by version_number, position
				""").param(id).query((r, n) -> {
			Currency currency = Currency.getInstance(r.getString("currency"));
			int version = r.getInt("version_number");
			int position = r.getInt("position");
			QuoteLine line = new QuoteLine(position, r.getObject("item_id", UUID.class),
					ItemKind.valueOf(r.getString("kind")), Nomenclature.valueOf(r.getString("nomenclature")),
					r.getString("code"), r.getString("label"), r.getBigDecimal("quantity"),
					money(r, "unit_price", currency), r.getBigDecimal("discount_percent"),
					new VatRate(r.getBigDecimal("vat_rate")), money(r, "gross", currency),
					money(r, "discount", currency), money(r, "net", currency), money(r, "vat", currency),
					money(r, "total", currency));
			lines.computeIfAbsent(version, k -> new ArrayList<>()).add(line);
			splits.computeIfAbsent(version, k -> new ArrayList<>())
				.add(new CoverageSplit.LineSplit(position, line.total(),
						shares.getOrDefault(version + "/" + position, List.of()), money(r, "patient_share", currency)));
			return n;
		}).list();
		List<QuoteVersion> versions = jdbc.sql("select * from quote_version where quote_id = ? order by number")
			.param(id)
			.query((r, n) -> {
				Currency currency = Currency.getInstance(r.getString("currency"));
				String patientCurrency = r.getString("patient_currency");
				int number = r.getInt("number");
				Terms terms = new Terms(currency, r.getString("language"),
						patientCurrency == null ? null : Currency.getInstance(patientCurrency),
						r.getObject("valid_until", LocalDate.class), lines.get(number),
						new CoverageSplit(currency, splits.get(number)));
				return new QuoteVersion(number, QuoteStatus.valueOf(r.getString("status")), terms,
						r.getTimestamp("expires_at").toInstant(), r.getTimestamp("created_at").toInstant(),
						instant(r.getTimestamp("sent_at")), instant(r.getTimestamp("closed_at")));
			})
			.list();
		return new Quote(id, rs.getObject("patient_id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getObject("pathway_id", UUID.class), rs.getObject("step_id", UUID.class), versions,
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

	private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
		BigDecimal amount = rs.getBigDecimal(column);
		return new Money(amount, currency);
	}

	private static @Nullable Integer acceptedNumber(Quote quote) {
		QuoteVersion accepted = quote.accepted();
		return accepted == null ? null : accepted.number();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
