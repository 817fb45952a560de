package care.parcours.partner.practitioners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All practitioners, in the practitioner table. */
@Repository
class Practitioners {

	private static final String COLUMNS = "id, partner_id, name, specialties, languages, time_zone, version, registered_at";

	private final JdbcClient jdbc;

	Practitioners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Practitioner practitioner) {
		jdbc.sql("""
				insert into practitioner (id, partner_id, name, specialties, languages, time_zone, version,
				                          registered_at)
				values (:id, :partnerId, :name, :specialties, :languages, :timeZone, :version, :registeredAt)
				""")
			.param("id", practitioner.id())
			.param("partnerId", practitioner.partnerId())
			.param("name", practitioner.name())
			.param("specialties", practitioner.specialties().toArray(String[]::new))
			.param("languages", practitioner.languages().toArray(String[]::new))
			.param("timeZone", practitioner.timeZone())
			.param("version", practitioner.version())
			.param("registeredAt", Timestamp.from(practitioner.registeredAt()))
			.update();
	}

	Optional<Practitioner> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from practitioner where id = ?")
			.param(id)
			.query(Practitioners::map)
			.optional();
	}

	Page<Practitioner> ofPartner(UUID partnerId, PageQuery query) {
		List<Practitioner> content = jdbc
			.sql("select " + COLUMNS + " from practitioner where partner_id = ? order by name, id limit ? offset ?")
			.params(partnerId, query.size(), query.offset())
			.query(Practitioners::map)
			.list();
		long total = jdbc.sql("select count(*) from practitioner where partner_id = ?")
			.param(partnerId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	private static Practitioner map(ResultSet rs, int row) throws SQLException {
		return new Practitioner(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("name"), Arrays.asList((String[]) rs.getArray("specialties").getArray()),
				Arrays.asList((String[]) rs.getArray("languages").getArray()), rs.getString("time_zone"),
				rs.getLong("version"), rs.getTimestamp("registered_at").toInstant());
	}

}
