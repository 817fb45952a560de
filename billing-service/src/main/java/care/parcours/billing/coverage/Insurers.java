package care.parcours.billing.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every insurer, its code unique. */
@Repository
class Insurers {

	private static final String COLUMNS = "id, kind, code, label, country, created_at";

	private final JdbcClient jdbc;

	Insurers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Insurer insurer) {
		jdbc.sql("insert into insurer (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)")
			.params(insurer.id(), insurer.kind().name(), insurer.code(), insurer.label(), insurer.country(),
					Timestamp.from(insurer.createdAt()))
			.update();
	}

	Optional<Insurer> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from insurer where id = ?").param(id).query(Insurers::map).optional();
	}

	Page<Insurer> list(PageQuery page) {
		List<Insurer> content = jdbc.sql("select " + COLUMNS + " from insurer order by code limit ? offset ?")
			.params(page.size(), page.offset())
			.query(Insurers::map)
			.list();
		return Page.of(content, page, jdbc.sql("select count(*) from insurer").query(Long.class).single());
	}

	private static Insurer map(ResultSet rs, int row) throws SQLException {
		return new Insurer(rs.getObject("id", UUID.class), InsurerKind.valueOf(rs.getString("kind")),
				rs.getString("code"), rs.getString("label"), rs.getString("country"),
				rs.getTimestamp("created_at").toInstant());
	}

}
