package care.parcours.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The searches coordinators make, and the SQL statement partner-service runs for each.
 * The statement is a copy of what {@code ActivePartners} builds, with positional instead
 * of named parameters; {@link PartnerSearchBenchmark} checks before measuring that it
 * returns exactly the partners the service answers, so a drift fails the run instead of
 * skewing the baseline.
 */
final class PartnerSearches {

	/** A search: a shape (which criteria) and its values, as query parameters. */
	record Search(String shape, Map<String, String> params) {

		String query() {
			return params.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

	}

	static final List<String> SHAPES = List.of("specialty+language", "specialty+country+accredited", "kind+city",
			"specialty+near-airport", "language+country", "all-criteria");

	private static final List<String> WANTED = List.of("orthopaedics", "cardiology", "fertility", "oncology",
			"cosmetic-surgery", "ophthalmology");

	private static final List<String> SPOKEN = List.of("ar", "ru", "en", "es", "pt", "nl");

	private static final List<String> AIRPORTS = List.of("49.0097,2.5479", "45.7256,5.0811", "43.6584,7.2159",
			"50.9014,4.4844", "43.4393,5.2214", "44.8283,-0.7156");

	private static final List<String> PROVIDERS = List.of("HOTEL", "INTERPRETER", "TRANSPORT", "CONCIERGE");

	private static final double EARTH_RADIUS_KM = 6371.0088;

	private final LocalDate today;

	PartnerSearches(LocalDate today) {
		this.today = today;
	}

	Search next(String shape, Random random) {
		Map<String, String> p = new LinkedHashMap<>();
		switch (shape) {
			case "specialty+language" -> {
				p.put("specialty", any(WANTED, random));
				p.put("language", any(SPOKEN, random));
			}
			case "specialty+country+accredited" -> {
				p.put("specialty", any(WANTED, random));
				p.put("country", random.nextBoolean() ? "FR" : "BE");
				p.put("accreditedOn", today.plusDays(30 + random.nextInt(335)).toString());
			}
			case "kind+city" -> {
				p.put("kind", any(PROVIDERS, random));
				p.put("city", any(PartnerDirectorySeed.CITIES, random).name());
			}
			case "specialty+near-airport" -> {
				p.put("specialty", any(WANTED, random));
				p.put("near", any(AIRPORTS, random));
				p.put("withinKm", Integer.toString(50 + random.nextInt(100)));
			}
			case "language+country" -> {
				p.put("language", any(SPOKEN, random));
				p.put("country", random.nextBoolean() ? "FR" : "BE");
			}
			default -> {
				p.put("specialty", any(WANTED, random));
				p.put("language", any(SPOKEN, random));
				p.put("near", any(AIRPORTS, random));
				p.put("withinKm", "150");
				p.put("accreditedOn", today.plusDays(60).toString());
			}
		}
		return new Search(shape, p);
	}

	/** SQL text and its positional parameters. */
	record Statement(String sql, List<Object> params) {

	}

	/** What {@code ActivePartners.statement} builds for these criteria, page 0 of 20. */
	static Statement statement(Map<String, String> p) {
		String specialty = p.get("specialty");
		String language = p.get("language");
		String near = p.get("near");
		boolean accredited = p.containsKey("accreditedOn");
		Sql sql = new Sql();
		if (specialty != null || language != null) {
			sql.add("with fitting as (select a.partner_id, count(*) as practising, ");
			sql.add(language == null ? "0" : "count(*) filter (where a.languages @> array[cast(? as text)])", language);
			sql.add(" as speaking from practitioner_affiliation a where ");
			sql.add(specialty != null ? "a.specialties @> array[cast(? as text)]"
					: "a.languages @> array[cast(? as text)]", specialty != null ? specialty : language);
			sql.add(" group by a.partner_id) ");
		}
		sql.add("select p.id, p.name, p.kind, p.country, p.city, ");
		sql.add(specialty == null ? "false" : "p.specialties @> array[cast(? as text)]", specialty);
		sql.add(" as lists_specialty, ");
		sql.add(language == null ? "false" : "p.languages @> array[cast(? as text)]", language);
		sql.add(" as lists_language, ");
		if (specialty == null && language == null) {
			sql.add("0 as practising, 0 as speaking, ");
		}
		else if (specialty == null) {
			sql.add("0 as practising, coalesce(f.practising, 0) as speaking, ");
		}
		else {
			sql.add("coalesce(f.practising, 0) as practising, coalesce(f.speaking, 0) as speaking, ");
		}
		List<Sql> score = new ArrayList<>(List.of(new Sql().add("0")));
		if (specialty != null) {
			score.add(new Sql().add("case when f.practising > 0 then 40 + 2 * least(f.practising, 5)"
					+ " when p.specialties @> array[cast(? as text)] then 20 else 0 end", specialty));
		}
		if (language != null) {
			String speaking = specialty == null ? "f.practising" : "f.speaking";
			score.add(new Sql().add("case when " + speaking + " > 0 then 30 + 2 * least(" + speaking + ", 5)"
					+ " when p.languages @> array[cast(? as text)] then 10 else 0 end", language));
		}
		if (accredited) {
			sql.add("acc.issuer, acc.level, acc.expires_on, ");
			score.add(new Sql().add("10"));
		}
		else {
			sql.add("null as issuer, null as level, null::date as expires_on, ");
		}
		double lat = 0;
		double lon = 0;
		if (near != null) {
			lat = Double.parseDouble(near.split(",")[0]);
			lon = Double.parseDouble(near.split(",")[1]);
			double scale = Double.parseDouble(p.getOrDefault("withinKm", "500"));
			sql.add(distance(lat, lon)).add(" as distance_km, ");
			score.add(new Sql().add("coalesce(20 * (1 - least(")
				.add(distance(lat, lon))
				.add(", ?) / ?), 0)", scale, scale));
		}
		else {
			sql.add("null::double precision as distance_km, ");
		}
		sql.add("(");
		for (int i = 0; i < score.size(); i++) {
			sql.add(i == 0 ? "" : " + ").add(score.get(i));
		}
		sql.add(")::double precision as score, count(*) over () as total from partner p ");
		if (specialty != null || language != null) {
			sql.add("left join fitting f on f.partner_id = p.id ");
		}
		if (accredited) {
			sql.add("join lateral (select issuer, level, expires_on from accreditation a where a.partner_id = p.id"
					+ " and a.expires_on >= ?", LocalDate.parse(p.get("accreditedOn")));
			sql.add(" order by a.expires_on desc limit 1) acc on true ");
		}
		sql.add("where p.status = 'ACTIVE'");
		if (specialty != null) {
			sql.add(" and (p.specialties @> array[cast(? as text)] or f.practising > 0)", specialty);
		}
		if (language != null) {
			sql.add(" and (p.languages @> array[cast(? as text)] or "
					+ (specialty == null ? "f.practising" : "f.speaking") + " > 0)", language);
		}
		if (p.containsKey("kind")) {
			sql.add(" and p.kind = ?", p.get("kind"));
		}
		if (p.containsKey("country")) {
			sql.add(" and p.country = ?", p.get("country"));
		}
		if (p.containsKey("city")) {
			sql.add(" and lower(p.city) = lower(?)", p.get("city"));
		}
		if (near != null && p.containsKey("withinKm")) {
			double within = Double.parseDouble(p.get("withinKm"));
			double dLat = within / 111.2;
			double dLon = within / (111.2 * Math.cos(Math.toRadians(lat)));
			sql.add(" and p.latitude between ? and ?", lat - dLat, lat + dLat);
			sql.add(" and p.longitude between ? and ?", lon - dLon, lon + dLon);
			sql.add(" and ").add(distance(lat, lon)).add(" <= ?", within);
		}
		sql.add(" order by score desc, distance_km nulls last, p.name, p.id limit ? offset ?", 20, 0L);
		return new Statement(sql.text.toString(), sql.params);
	}

	private static Sql distance(double lat, double lon) {
		return new Sql().add(
				"(2 * " + EARTH_RADIUS_KM
						+ " * asin(least(1, sqrt(power(sin(radians(p.latitude - ?) / 2), 2) + cos(radians(?))"
						+ " * cos(radians(p.latitude)) * power(sin(radians(p.longitude - ?) / 2), 2)))))",
				lat, lat, lon);
	}

	private static <T> T any(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	/** SQL text with its positional parameters, in order. */
	private static final class Sql {

		private final StringBuilder text = new StringBuilder();

		private final List<Object> params = new ArrayList<>();

		Sql add(String fragment, Object... values) {
			text.append(fragment);
			for (Object value : values) {
				if (value != null && fragment.contains("?")) {
					params.add(value);
				}
			}
			return this;
		}

		Sql add(Sql other) {
			text.append(other.text);
			params.addAll(other.params);
			return this;
		}

	}

}
