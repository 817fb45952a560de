package care.parcours.partner.partners;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All partners, in the partner table. */
@Repository
public class Partners {

	private static final String COLUMNS = "id, name, kind, country, city, time_zone, specialties, languages, version, registered_at";

	private final JdbcClient jdbc;

	Partners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Partner partner) {
		jdbc.sql("""
				insert into partner (id, name, kind, country, city, time_zone, specialties, languages, version,
				                     registered_at)
				values (:id, :name, :kind, :country, :city, :timeZone, :specialties, :languages, :version,
				        :registeredAt)
				""")
			.param("id", partner.id())
			.param("name", partner.name())
			.param("kind", partner.kind().name())
			.param("country", partner.country())
			.param("city", partner.city())
			.param("timeZone", partner.timeZone().getId())
			.param("specialties", partner.specialties().toArray(String[]::new))
			.param("languages", partner.languages().toArray(String[]::new))
			.param("version", partner.version())
			.param("registeredAt", java.sql.Timestamp.from(partner.registeredAt()))
			.update();
	}

	public Optional<Partner> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from partner where id = ?").param(id).query(Partners::map).optional();
	}

	Page<Partner> list(PageQuery query) {
		List<Partner> content = jdbc.sql("select " + COLUMNS + " from partner order by name, id limit ? offset ?")
			.params(query.size(), query.offset())
			.query(Partners::map)
			.list();
		long total = jdbc.sql("select count(*) from partner").query(Long.class).single();
		return Page.of(content, query, total);
	}

	private static Partner map(ResultSet rs, int row) throws SQLException {
		return new Partner(rs.getObject("id", UUID.class), rs.getString("name"),
				PartnerKind.valueOf(rs.getString("kind")), rs.getString("country"), rs.getString("city"),
				ZoneId.of(rs.getString("time_zone")), strings(rs.getArray("specialties")),
				strings(rs.getArray("languages")), rs.getLong("version"), rs.getTimestamp("registered_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
