package care.parcours.patient.templates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All templates and their versions. A version is written once; the template's row names
 * its latest, checked on publication so that two editors cannot both publish version 3.
 * Steps are kept as one JSON document per version, in a stored form of their own.
 */
@Repository
class PathwayTemplates {

	private static final String COLUMNS = """
			select t.id, t.code, t.sample, v.version, v.name_fr, v.name_en, v.name_nl, v.steps, v.published_at,
			       v.published_by
			from pathway_template t join pathway_template_version v on v.template_id = t.id
			""";

	private static final TypeReference<List<StoredStep>> STEPS = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	PathwayTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new template; the database refuses a code taken
	 * ({@code pathway_template_code_taken}).
	 */
	void add(PathwayTemplate template) {
		jdbc.sql("""
				insert into pathway_template (id, code, sample, latest_version, created_at)
				values (?, ?, ?, ?, ?)
				""")
			.params(template.id(), template.code(), template.sample(), template.version(),
					Timestamp.from(template.publishedAt()))
			.update();
		addVersion(template);
	}

	/**
	 * Its next version, over the latest the publisher read.
	 * @throws StaleVersion when another version was published in between
	 */
	void publish(PathwayTemplate template) {
		int updated = jdbc.sql("update pathway_template set latest_version = ? where id = ? and latest_version = ?")
			.params(template.version(), template.id(), template.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Template " + template.id());
		}
		addVersion(template);
	}

	Optional<PathwayTemplate> latest(UUID id) {
		return jdbc.sql(COLUMNS + " where t.id = ? and v.version = t.latest_version")
			.param(id)
			.query(this::map)
			.optional();
	}

	Optional<PathwayTemplate> version(UUID id, int version) {
		return jdbc.sql(COLUMNS + " where t.id = ? and v.version = ?").params(id, version).query(this::map).optional();
	}

	Optional<PathwayTemplate> latestOfCode(String code) {
		return jdbc.sql(COLUMNS + " where t.code = ? and v.version = t.latest_version")
			.param(code)
			.query(this::map)
			.optional();
	}

	/** The latest version of each template, by code. */
	Page<PathwayTemplate> list(PageQuery query) {
		List<PathwayTemplate> content = jdbc
			.sql(COLUMNS + " where v.version = t.latest_version order by t.code limit ? offset ?")
			.params(query.size(), query.offset())
			.query(this::map)
			.list();
		long total = jdbc.sql("select count(*) from pathway_template").query(Long.class).single();
		return Page.of(content, query, total);
	}

	private void addVersion(PathwayTemplate template) {
		jdbc.sql("""
				insert into pathway_template_version (template_id, version, name_fr, name_en, name_nl, steps,
				                                      published_at, published_by)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
				""")
			.params(template.id(), template.version(), template.names().fr(), template.names().en(),
					template.names().nl(),
					json.writeValueAsString(template.steps().stream().map(StoredStep::of).toList()),
					Timestamp.from(template.publishedAt()), template.publishedBy())
			.update();
	}

	private PathwayTemplate map(ResultSet rs, int row) throws SQLException {
		List<TemplateStep> steps = json.readValue(rs.getString("steps"), STEPS).stream().map(StoredStep::step).toList();
		return new PathwayTemplate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getInt("version"),
				rs.getBoolean("sample"),
				new LocalizedNames(rs.getString("name_fr"), rs.getString("name_en"), rs.getString("name_nl")), steps,
				rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"));
	}

	/** A step as stored: apart from the API's form, so that either can change alone. */
	record StoredStep(String key, String kind, String fr, String en, String nl, boolean anchor, String offset,
			String tolerance, List<String> dependsOn, String ownerRole, @Nullable String specialty,
			@Nullable String appointmentType) {

		static StoredStep of(TemplateStep step) {
			return new StoredStep(step.key(), step.kind().name(), step.names().fr(), step.names().en(),
					step.names().nl(), step.anchor(), step.offset().toString(), step.tolerance().toString(),
					step.dependsOn(), step.ownerRole().name(), step.specialty(), step.appointmentType());
		}

		TemplateStep step() {
			return new TemplateStep(key, StepKind.valueOf(kind), new LocalizedNames(fr, en, nl), anchor,
					TimeOffset.parse("offset", offset), TimeOffset.parse("tolerance", tolerance), dependsOn,
					OwnerRole.valueOf(ownerRole), specialty, appointmentType);
		}

	}

}
