package care.parcours.partner.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.partner.partners.PartnerKind;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Active partners as matching reads them, through the one statement of
 * {@link SearchStatement}: only one page of rows leaves the database.
 */
@Repository
class ActivePartners {

	private final JdbcClient jdbc;

	ActivePartners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A partner that fits, with what made it fit.
	 *
	 * @param practising how many of its practitioners practise the specialty searched
	 * @param speaking how many of them (or of all its practitioners, without a specialty)
	 * speak the language searched
	 */
	record Candidate(UUID id, String name, PartnerKind kind, String country, String city, boolean listsSpecialty,
			boolean listsLanguage, int practising, int speaking, @Nullable String accreditationIssuer,
			@Nullable String accreditationLevel, @Nullable LocalDate accreditationExpiresOn,
			@Nullable Double distanceKm, double score) {

	}

	record Found(List<Candidate> candidates, long total) {

	}

	/**
	 * Runs in a transaction of its own (or the caller's) for the {@code set local} below
	 * to last exactly as long as the search.
	 */
	@Transactional(readOnly = true)
	Found matching(PartnerSearch search, PageQuery page) {
		Map<String, Object> params = new HashMap<>();
		String sql = SearchStatement.of(search, params);
		params.put("limit", page.size());
		params.put("offset", page.offset());
		// After five runs the driver prepares a statement on the server, and PostgreSQL
		// may then plan it once for any values. How many partners a bounding box or a
		// specialty selects varies too much for one plan: a generic plan of a distance
		// search measured 15 to 25 times slower than the plan for its values.
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		return run(sql, params, page);
	}

	private Found run(String sql, Map<String, Object> params, PageQuery page) {
		long[] total = { 0 };
		List<Candidate> candidates = jdbc.sql(sql).params(params).query((rs, n) -> {
			total[0] = rs.getLong("total");
			return map(rs);
		}).list();
		if (candidates.isEmpty() && page.offset() > 0) {
			// Past the last page the window count is not seen; count without paging.
			total[0] = jdbc.sql("select count(*) from (" + sql.replace("limit :limit offset :offset", "") + ") m")
				.params(params)
				.query(Long.class)
				.single();
		}
		return new Found(candidates, total[0]);
	}

	private static Candidate map(ResultSet rs) throws SQLException {
		double distance = rs.getDouble("distance_km");
		Double distanceKm = rs.wasNull() ? null : distance;
		return new Candidate(rs.getObject("id", UUID.class), rs.getString("name"),
				PartnerKind.valueOf(rs.getString("kind")), rs.getString("country"), rs.getString("city"),
				rs.getBoolean("lists_specialty"), rs.getBoolean("lists_language"), rs.getInt("practising"),
				rs.getInt("speaking"), rs.getString("issuer"), rs.getString("level"),
				rs.getObject("expires_on", LocalDate.class), distanceKm, rs.getDouble("score"));
	}

}
