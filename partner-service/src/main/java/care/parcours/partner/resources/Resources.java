package care.parcours.partner.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All resources of every partner. Writes are checked by version. */
@Repository
class Resources {

	private static final String COLUMNS = """
			id, partner_id, kind, label, specialties, languages, time_zone, retired, version, registered_at
			""";

	private final JdbcClient jdbc;

	Resources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Resource resource) {
		jdbc.sql("insert into resource (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(resource.id(), resource.partnerId(), resource.kind().name(), resource.label(),
					resource.specialties().toArray(String[]::new), resource.languages().toArray(String[]::new),
					resource.timeZone(), resource.retired(), resource.version(),
					Timestamp.from(resource.registeredAt()))
			.update();
	}

	/**
	 * Stores the next version of a resource.
	 * @throws StaleVersion when the stored version is no longer the one before
	 */
	void update(Resource resource) {
		int updated = jdbc.sql("""
				update resource set label = ?, specialties = ?, languages = ?, retired = ?, version = ?
				where id = ? and version = ?
				""")
			.params(resource.label(), resource.specialties().toArray(String[]::new),
					resource.languages().toArray(String[]::new), resource.retired(), resource.version(), resource.id(),
					resource.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Resource " + resource.id());
		}
	}

	Optional<Resource> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from resource where id = ?").param(id).query(Resources::map).optional();
	}

	/** The resources a partner offers, of one kind or all, by label. */
	Page<Resource> offeredBy(UUID partnerId, @Nullable ResourceKind kind, PageQuery query) {
		String filter = "partner_id = ? and not retired and (?::text is null or kind = ?)";
		String kindName = kind == null ? null : kind.name();
		List<Resource> content = jdbc
			.sql("select " + COLUMNS + " from resource where " + filter + " order by label, id limit ? offset ?")
			.params(partnerId, kindName, kindName, query.size(), query.offset())
			.query(Resources::map)
			.list();
		long total = jdbc.sql("select count(*) from resource where " + filter)
			.params(partnerId, kindName, kindName)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	private static Resource map(ResultSet rs, int row) throws SQLException {
		return new Resource(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				ResourceKind.valueOf(rs.getString("kind")), rs.getString("label"), codes(rs, "specialties"),
				codes(rs, "languages"), rs.getString("time_zone"), rs.getBoolean("retired"), rs.getLong("version"),
				rs.getTimestamp("registered_at").toInstant());
	}

	private static List<String> codes(ResultSet rs, String column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

}
