package care.parcours.billing.rates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rates recorded, one per currency pair and day. */
@Repository
public class ExchangeRates {

	private static final String COLUMNS = "id, base, counter, rate, rate_date, recorded_by, recorded_at";

	private final JdbcClient jdbc;

	ExchangeRates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ExchangeRate rate) {
		jdbc.sql("insert into exchange_rate (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
			.params(rate.id(), rate.base().getCurrencyCode(), rate.counter().getCurrencyCode(), rate.rate(),
					rate.date(), rate.recordedBy(), Timestamp.from(rate.recordedAt()))
			.update();
	}

	/** The latest rate of the pair recorded for a day up to {@code day}. */
	public Optional<ExchangeRate> latest(Currency base, Currency counter, LocalDate day) {
		return jdbc
			.sql("select " + COLUMNS + " from exchange_rate where base = ? and counter = ? and rate_date <= ?"
					+ " order by rate_date desc limit 1")
			.params(base.getCurrencyCode(), counter.getCurrencyCode(), day)
			.query(ExchangeRates::map)
			.optional();
	}

	Page<ExchangeRate> list(@Nullable Currency base, @Nullable Currency counter, PageQuery page) {
		String where = """
				where (cast(:base as text) is null or base = :base)
				  and (cast(:counter as text) is null or counter = :counter)
				""";
		String baseCode = base == null ? null : base.getCurrencyCode();
		String counterCode = counter == null ? null : counter.getCurrencyCode();
		List<ExchangeRate> content = jdbc
			.sql("select " + COLUMNS + " from exchange_rate " + where
					+ " order by rate_date desc, base, counter limit :size offset :offset")
			.param("base", baseCode)
			.param("counter", counterCode)
			.param("size", page.size())
			.param("offset", page.offset())
			.query(ExchangeRates::map)
			.list();
		long total = jdbc.sql("select count(*) from exchange_rate " + where)
			.param("base", baseCode)
			.param("counter", counterCode)
			.query(Long.class)
			.single();
		return Page.of(content, page, total);
	}

	private static ExchangeRate map(ResultSet rs, int row) throws SQLException {
		return new ExchangeRate(rs.getObject("id", UUID.class), Currency.getInstance(rs.getString("base")),
				Currency.getInstance(rs.getString("counter")), rs.getBigDecimal("rate"),
				rs.getObject("rate_date", LocalDate.class), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
