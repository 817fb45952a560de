package care.parcours.billing.quotes;

import java.util.List;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All quotes. */
@Repository
class Quotes {

	private final JdbcClient jdbc;

	Quotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<QuoteSummary> list(PageQuery query) {
		List<QuoteSummary> content = jdbc.sql("""
				select id, patient_id, status, currency, total_minor, version, created_at
				from quote order by created_at desc, id limit ? offset ?
				""").params(query.size(), query.offset()).query(QuoteSummary.class).list();
		long total = jdbc.sql("select count(*) from quote").query(Long.class).single();
		return Page.of(content, query, total);
	}

}
