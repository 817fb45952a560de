package care.parcours.partner.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.parcours.partner.partners.Coordinates;

/**
 * The one SQL statement a search runs: it filters the active partners, counts their
 * practitioners who fit (from the affiliations, which carry the practitioners'
 * specialties and languages), measures distances, scores, counts the total and pages. It
 * holds only the clauses of the criteria given, so that PostgreSQL plans each search for
 * what it asks. The score: practitioners who practise the specialty 40 (plus 2 each, up
 * to 5), else a partner that lists it 20; practitioners who speak the language 30 (plus 2
 * each), else staff who do 10; a valid accreditation 10; nearness up to 20, falling
 * linearly to the radius (or 500 km).
 */
final class SearchStatement {

	/** Distances are scored over this range when no radius is given. */
	static final double DEFAULT_DISTANCE_SCALE_KM = 500;

	private SearchStatement() {
	}

	/**
	 * The statement for exactly the criteria given, its values put in {@code params}:
	 * bound, never inlined.
	 */
	static String of(PartnerSearch search, Map<String, Object> params) {
		String specialty = search.specialty();
		String language = search.language();
		Coordinates near = search.near();
		List<String> where = new ArrayList<>(List.of("p.status = 'ACTIVE'"));
		List<String> score = new ArrayList<>(List.of("0"));
		StringBuilder sql = new StringBuilder();
		if (specialty != null || language != null) {
			sql.append("with fitting as (select a.partner_id, count(*) as practising, ")
				.append(language == null ? "0"
						: "count(*) filter (where a.languages @> array[cast(:language as text)])")
				.append(" as speaking from practitioner_affiliation a where ")
				.append(specialty != null ? "a.specialties @> array[cast(:specialty as text)]"
						: "a.languages @> array[cast(:language as text)]")
				.append(" group by a.partner_id) ");
		}
		sql.append("select p.id, p.name, p.kind, p.country, p.city, ")
			.append(specialty == null ? "false" : "p.specialties @> array[cast(:specialty as text)]")
			.append(" as lists_specialty, ")
			.append(language == null ? "false" : "p.languages @> array[cast(:language as text)]")
			.append(" as lists_language, ");
		if (specialty == null && language == null) {
			sql.append("0 as practising, 0 as speaking, ");
		}
		else if (specialty == null) {
			// Without a specialty, the practitioners counted are those speaking the
			// language.
			sql.append("0 as practising, coalesce(f.practising, 0) as speaking, ");
		}
		else {
			sql.append("coalesce(f.practising, 0) as practising, coalesce(f.speaking, 0) as speaking, ");
		}
		if (specialty != null) {
			params.put("specialty", specialty);
			where.add("(p.specialties @> array[cast(:specialty as text)] or f.practising > 0)");
			score.add("case when f.practising > 0 then 40 + 2 * least(f.practising, 5)"
					+ " when p.specialties @> array[cast(:specialty as text)] then 20 else 0 end");
		}
		if (language != null) {
			params.put("language", language);
			String speaking = specialty == null ? "f.practising" : "f.speaking";
			where.add("(p.languages @> array[cast(:language as text)] or " + speaking + " > 0)");
			score.add("case when " + speaking + " > 0 then 30 + 2 * least(" + speaking + ", 5)"
					+ " when p.languages @> array[cast(:language as text)] then 10 else 0 end");
		}
		if (search.filtersOnAccreditation()) {
			sql.append("acc.issuer, acc.level, acc.expires_on, ");
			score.add("10");
		}
		else {
			sql.append("null as issuer, null as level, null::date as expires_on, ");
		}
		if (near != null) {
			params.put("lat", near.latitude());
			params.put("lon", near.longitude());
			double scale = search.withinKm() != null ? search.withinKm() : DEFAULT_DISTANCE_SCALE_KM;
			params.put("scale", scale);
			sql.append(DISTANCE).append(" as distance_km, ");
			score.add("coalesce(20 * (1 - least(" + DISTANCE + ", :scale) / :scale), 0)");
		}
		else {
			sql.append("null::double precision as distance_km, ");
		}
		sql.append("(")
			.append(String.join(" + ", score))
			.append(")::double precision as score, ")
			.append("count(*) over () as total from partner p ");
		if (specialty != null || language != null) {
			sql.append("left join fitting f on f.partner_id = p.id ");
		}
		if (search.filtersOnAccreditation()) {
			sql.append("join lateral (select issuer, level, expires_on from accreditation a")
				.append(" where a.partner_id = p.id and a.expires_on >= :accreditedOn");
			params.put("accreditedOn", search.accreditedOn());
			if (search.accreditedBy() != null) {
				sql.append(" and lower(a.issuer) = lower(:accreditedBy)");
				params.put("accreditedBy", search.accreditedBy());
			}
			sql.append(" order by a.expires_on desc limit 1) acc on true ");
		}
		filters(search, where, params);
		sql.append("where ").append(String.join(" and ", where));
		sql.append(" order by score desc, distance_km nulls last, p.name, p.id limit :limit offset :offset");
		return sql.toString();
	}

	/**
	 * Great-circle distance in km from the point searched near, null without coordinates.
	 */
	private static final String DISTANCE = "(2 * " + Coordinates.EARTH_RADIUS_KM
			+ " * asin(least(1, sqrt(power(sin(radians(p.latitude - :lat) / 2), 2) + cos(radians(:lat))"
			+ " * cos(radians(p.latitude)) * power(sin(radians(p.longitude - :lon) / 2), 2)))))";

	private static void filters(PartnerSearch search, List<String> where, Map<String, Object> params) {
		if (search.kind() != null) {
			where.add("p.kind = :kind");
			params.put("kind", search.kind().name());
		}
		if (search.country() != null) {
			where.add("p.country = :country");
			params.put("country", search.country());
		}
		if (search.city() != null) {
			where.add("lower(p.city) = lower(:city)");
			params.put("city", search.city().strip());
		}
		Coordinates near = search.near();
		Double within = search.withinKm();
		if (near != null && within != null) {
			// A bounding box first, so that an index narrows the rows the distance is
			// computed for; 111.2 km per degree of latitude.
			double dLat = within / 111.2;
			where.add("p.latitude between :minLat and :maxLat");
			params.put("minLat", near.latitude() - dLat);
			params.put("maxLat", near.latitude() + dLat);
			double cos = Math.cos(Math.toRadians(near.latitude()));
			double dLon = cos > 0.01 ? within / (111.2 * cos) : 360;
			if (near.longitude() - dLon > -180 && near.longitude() + dLon < 180) {
				where.add("p.longitude between :minLon and :maxLon");
				params.put("minLon", near.longitude() - dLon);
				params.put("maxLon", near.longitude() + dLon);
			}
			where.add(DISTANCE + " <= :within");
			params.put("within", within);
		}
	}

}
