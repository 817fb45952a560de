package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.indicators.PartnerMonth.Amounts;
import care.parcours.patient.indicators.PartnerMonth.Appointments;
import care.parcours.patient.indicators.PartnerMonth.Delay;
import care.parcours.patient.indicators.PartnerMonth.Quotes;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sums the indicators' facts into monthly figures in SQL, a few grouped statements for a
 * batch of partners, so that no report holds more than its figures in memory however many
 * facts a partner has. Months are UTC months: {@code [first day 00:00Z, next first day)}.
 */
@Repository
class IndicatorReports {

	private static final String ACTIVE = """
			select partner_id from indicator_pathway_first where first_at >= :from and first_at < :to
			union select partner_id from indicator_quote where first_sent_at >= :from and first_sent_at < :to
			union select partner_id from indicator_appointment where outcome_at >= :from and outcome_at < :to
			union select partner_id from indicator_appointment where cancelled_at >= :from and cancelled_at < :to
			union select partner_id from indicator_reschedule where moved_at >= :from and moved_at < :to
			union select partner_id from indicator_money where at >= :from and at < :to
			""";

	private final JdbcClient jdbc;

	IndicatorReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether anything the network knows names this partner: a fact or a pathway. */
	boolean knows(UUID partner) {
		return jdbc.sql("""
				select exists (select 1 from indicator_quote where partner_id = :p)
				    or exists (select 1 from indicator_appointment where partner_id = :p)
				    or exists (select 1 from indicator_reschedule where partner_id = :p)
				    or exists (select 1 from indicator_money where partner_id = :p)
				    or exists (select 1 from indicator_pathway_first where partner_id = :p)
				    or exists (select 1 from pathway where partner_id = :p)
				""").param("p", partner).query(Boolean.class).single();
	}

	/** The partners with a fact in the month, by id: one page of them. */
	List<UUID> activeIn(YearMonth month, long offset, int limit) {
		return month(
				jdbc.sql("select partner_id from (" + ACTIVE + ") p order by partner_id offset :offset limit :limit"),
				month)
			.param("offset", offset)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	long countActiveIn(YearMonth month) {
		return month(jdbc.sql("select count(*) from (" + ACTIVE + ") p"), month).query(Long.class).single();
	}

	/** The figures of each partner named, in the order named. */
	List<PartnerMonth> of(List<UUID> partners, YearMonth month) {
		if (partners.isEmpty()) {
			return List.of();
		}
		UUID[] ids = partners.toArray(UUID[]::new);
		Map<UUID, Map<String, Delay>> delays = delays(ids, month);
		Map<UUID, Quotes> quotes = quotes(ids, month);
		Map<UUID, Appointments> appointments = appointments(ids, month);
		Map<UUID, List<Amounts>> money = money(ids, month);
		String label = month.toString();
		return partners.stream()
			.map(partner -> new PartnerMonth(partner, label,
					delays.getOrDefault(partner, Map.of()).getOrDefault("QUOTE", Delay.NONE),
					quotes.getOrDefault(partner, Quotes.of(0, 0)),
					delays.getOrDefault(partner, Map.of()).getOrDefault("APPOINTMENT", Delay.NONE),
					appointments.getOrDefault(partner, Appointments.of(0, 0, 0, 0)),
					money.getOrDefault(partner, List.of())))
			.toList();
	}

	/**
	 * The median and mean of intervals (exact to the microsecond, unlike a median of
	 * floating-point seconds), turned into hours.
	 */
	private Map<UUID, Map<String, Delay>> delays(UUID[] partners, YearMonth month) {
		Map<UUID, Map<String, Delay>> delays = new HashMap<>();
		month(jdbc.sql("""
				select partner_id, kind, count(*) as pathways,
				       extract(epoch from percentile_cont(0.5) within group (order by first_at - opened_at)) / 3600
				           as median_hours,
				       extract(epoch from avg(first_at - opened_at)) / 3600 as average_hours
				from indicator_pathway_first
				where partner_id = any(:partners) and first_at >= :from and first_at < :to
				group by partner_id, kind
				"""), month).param("partners", partners).query((rs, row) -> {
			delays.computeIfAbsent(rs.getObject("partner_id", UUID.class), partner -> new HashMap<>())
				.put(rs.getString("kind"), new Delay(rs.getLong("pathways"), hours(rs.getBigDecimal("median_hours")),
						hours(rs.getBigDecimal("average_hours"))));
			return row;
		}).list();
		return delays;
	}

	private Map<UUID, Quotes> quotes(UUID[] partners, YearMonth month) {
		Map<UUID, Quotes> quotes = new HashMap<>();
		month(jdbc.sql("""
				select partner_id, count(*) as sent, count(accepted_at) as accepted from indicator_quote
				where partner_id = any(:partners) and first_sent_at >= :from and first_sent_at < :to
				group by partner_id
				"""), month).param("partners", partners).query((rs, row) -> {
			quotes.put(rs.getObject("partner_id", UUID.class), Quotes.of(rs.getLong("sent"), rs.getLong("accepted")));
			return row;
		}).list();
		return quotes;
	}

	private Map<UUID, Appointments> appointments(UUID[] partners, YearMonth month) {
		Map<UUID, Appointments> appointments = new HashMap<>();
		month(jdbc.sql("""
				select partner_id,
				       coalesce(sum(completed), 0) as completed, coalesce(sum(no_shows), 0) as no_shows,
				       coalesce(sum(cancelled), 0) as cancelled, coalesce(sum(rescheduled), 0) as rescheduled
				from (
				  select partner_id,
				         count(*) filter (where outcome = 'COMPLETED' and outcome_at >= :from and outcome_at < :to)
				             as completed,
				         count(*) filter (where outcome = 'NO_SHOW' and outcome_at >= :from and outcome_at < :to)
				             as no_shows,
				         count(*) filter (where cancelled_at >= :from and cancelled_at < :to) as cancelled,
				         0 as rescheduled
				  from indicator_appointment
				  where partner_id = any(:partners)
				    and (outcome_at >= :from and outcome_at < :to or cancelled_at >= :from and cancelled_at < :to)
				  group by partner_id
				  union all
				  select partner_id, 0, 0, 0, count(*) from indicator_reschedule
				  where partner_id = any(:partners) and moved_at >= :from and moved_at < :to
				  group by partner_id
				) figures
				group by partner_id
				"""), month).param("partners", partners).query((rs, row) -> {
			appointments.put(rs.getObject("partner_id", UUID.class), Appointments.of(rs.getLong("completed"),
					rs.getLong("no_shows"), rs.getLong("cancelled"), rs.getLong("rescheduled")));
			return row;
		}).list();
		return appointments;
	}

	/**
	 * The month's flows and the balance at its end, summed as numeric by PostgreSQL: the
	 * balance reads every fact of the partner before the month's end, through the index,
	 * without bringing one of them here.
	 */
	private Map<UUID, List<Amounts>> money(UUID[] partners, YearMonth month) {
		Map<UUID, List<Amounts>> money = new HashMap<>();
		month(jdbc.sql("""
				select partner_id, currency,
				       coalesce(sum(amount) filter (where kind = 'INVOICED' and at >= :from), 0) as invoiced,
				       coalesce(sum(amount) filter (where kind = 'CREDITED' and at >= :from), 0) as credited,
				       coalesce(sum(amount) filter (where kind = 'PAID' and at >= :from), 0) as paid,
				       coalesce(sum(amount) filter (where kind = 'REFUNDED' and at >= :from), 0) as refunded,
				       sum(case when kind in ('INVOICED', 'REFUNDED') then amount else -amount end) as outstanding
				from indicator_money
				where partner_id = any(:partners) and at < :to
				group by partner_id, currency
				order by partner_id, currency
				"""), month).param("partners", partners).query((rs, row) -> {
			String currency = rs.getString("currency");
			BigDecimal invoiced = rs.getBigDecimal("invoiced");
			BigDecimal credited = rs.getBigDecimal("credited");
			BigDecimal paid = rs.getBigDecimal("paid");
			BigDecimal refunded = rs.getBigDecimal("refunded");
			money.computeIfAbsent(rs.getObject("partner_id", UUID.class), partner -> new ArrayList<>())
				.add(new Amounts(currency, amount(invoiced, currency), amount(credited, currency),
						amount(invoiced.subtract(credited), currency), amount(paid, currency),
						amount(refunded, currency), amount(paid.subtract(refunded), currency),
						amount(rs.getBigDecimal("outstanding"), currency)));
			return row;
		}).list();
		return money;
	}

	private static JdbcClient.StatementSpec month(JdbcClient.StatementSpec statement, YearMonth month) {
		return statement.param("from", Timestamp.from(start(month)))
			.param("to", Timestamp.from(start(month.plusMonths(1))));
	}

	static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static @Nullable BigDecimal hours(@Nullable BigDecimal hours) {
		return (hours == null) ? null : hours.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * Never fewer decimals than the currency's minor unit ("0.00", not "0"), never
	 * rounded.
	 */
	private static String amount(BigDecimal amount, String currency) {
		int digits = 2;
		try {
			digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException unknownToJava) {
			// a code newer than the JDK's table: two decimals, as most currencies have
		}
		return amount.setScale(Math.max(digits, amount.scale()), RoundingMode.UNNECESSARY).toPlainString();
	}

}
