package care.parcours.billing.quotes;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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

	/** The quotes, newest first; only those for {@code partnerId} when given. */
	Page<QuoteSummary> list(@Nullable UUID partnerId, PageQuery query) {
		List<QuoteSummary> content = jdbc.sql("""
				select id, patient_id, partner_id, status, currency, total_minor, version, created_at
				from quote where (cast(:partnerId as uuid) is null or partner_id = :partnerId)
				order by created_at desc, id limit :size offset :offset
				""")
			.param("partnerId", partnerId)
			.param("size", query.size())
			.param("offset", query.offset())
			.query(QuoteSummary.class)
			.list();
		long total = jdbc
			.sql("select count(*) from quote where (cast(:partnerId as uuid) is null or partner_id = :partnerId)")
			.param("partnerId", partnerId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

}
