package care.parcours.partner.practitioners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All practitioners, with the partners they work for and their register numbers. Writes
 * are checked by version.
 */
@Repository
class Practitioners {

	private static final String COLUMNS = "id, name, specialties, languages, time_zone, version, registered_at";

	private final JdbcClient jdbc;

	Practitioners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Practitioner practitioner) {
		jdbc.sql("""
				insert into practitioner (id, name, specialties, languages, time_zone, version, registered_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(practitioner.id(), practitioner.name(), practitioner.specialties().toArray(String[]::new),
					practitioner.languages().toArray(String[]::new), practitioner.timeZone(), practitioner.version(),
					Timestamp.from(practitioner.registeredAt()))
			.update();
		storeDetails(practitioner, practitioner.registeredAt());
	}

	/**
	 * Stores the next version of a practitioner.
	 * @throws StaleVersion when the stored version is no longer the one before
	 */
	void update(Practitioner practitioner, Instant now) {
		int updated = jdbc.sql("""
				update practitioner set name = ?, specialties = ?, languages = ?, version = ?
				where id = ? and version = ?
				""")
			.params(practitioner.name(), practitioner.specialties().toArray(String[]::new),
					practitioner.languages().toArray(String[]::new), practitioner.version(), practitioner.id(),
					practitioner.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Practitioner " + practitioner.id());
		}
		jdbc.sql("delete from practitioner_identifier where practitioner_id = ?").param(practitioner.id()).update();
		jdbc.sql("delete from practitioner_affiliation where practitioner_id = ? and partner_id <> all(?::uuid[])")
			.params(practitioner.id(), ids(practitioner.partnerIds()))
			.update();
		storeDetails(practitioner, now);
	}

	Optional<Practitioner> find(UUID id) {
		return withDetails(jdbc.sql("select " + COLUMNS + " from practitioner where id = ?")
			.param(id)
			.query(Practitioners::map)
			.list()).stream().findFirst();
	}

	/** Who holds a register number, if anyone does. */
	Optional<UUID> holderOf(ProfessionalIdentifier identifier) {
		return jdbc.sql("select practitioner_id from practitioner_identifier where type = ? and value = ?")
			.params(identifier.type().name(), identifier.value())
			.query(UUID.class)
			.optional();
	}

	Page<Practitioner> ofPartner(UUID partnerId, PageQuery query) {
		List<Practitioner> content = withDetails(jdbc.sql("""
				select p.id, p.name, p.specialties, p.languages, p.time_zone, p.version, p.registered_at
				from practitioner p join practitioner_affiliation a on a.practitioner_id = p.id
				where a.partner_id = ? order by p.name, p.id limit ? offset ?
				""").params(partnerId, query.size(), query.offset()).query(Practitioners::map).list());
		long total = jdbc.sql("select count(*) from practitioner_affiliation where partner_id = ?")
			.param(partnerId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	/**
	 * Identifiers are replaced; affiliations keep the day they were joined and take the
	 * practitioner's specialties and languages, which matching reads from them.
	 */
	private void storeDetails(Practitioner practitioner, Instant now) {
		for (ProfessionalIdentifier identifier : practitioner.identifiers()) {
			jdbc.sql("insert into practitioner_identifier (practitioner_id, type, value) values (?, ?, ?)")
				.params(practitioner.id(), identifier.type().name(), identifier.value())
				.update();
		}
		List<UUID> partners = practitioner.partnerIds();
		String[] specialties = practitioner.specialties().toArray(String[]::new);
		String[] languages = practitioner.languages().toArray(String[]::new);
		for (int i = 0; i < partners.size(); i++) {
			jdbc.sql("""
					insert into practitioner_affiliation (practitioner_id, partner_id, position, joined_at, specialties,
					                                      languages)
					values (?, ?, ?, ?, ?, ?)
					on conflict (practitioner_id, partner_id) do update
					    set position = excluded.position, specialties = excluded.specialties,
					        languages = excluded.languages
					""")
				.params(practitioner.id(), partners.get(i), i, Timestamp.from(now), specialties, languages)
				.update();
		}
	}

	private List<Practitioner> withDetails(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		String[] ids = ids(rows.stream().map(Row::id).toList());
		Map<UUID, List<UUID>> partners = jdbc.sql("""
				select practitioner_id, partner_id from practitioner_affiliation
				where practitioner_id = any(?::uuid[]) order by practitioner_id, position
				""")
			.param(ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, List<ProfessionalIdentifier>> identifiers = jdbc.sql("""
				select practitioner_id, type, value from practitioner_identifier
				where practitioner_id = any(?::uuid[]) order by practitioner_id, type
				""")
			.param(ids)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
					new ProfessionalIdentifier(IdentifierType.valueOf(rs.getString(2)), rs.getString(3))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream()
			.map(row -> row.with(partners.get(row.id()), identifiers.getOrDefault(row.id(), List.of())))
			.toList();
	}

	private static String[] ids(List<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("name"),
				Arrays.asList((String[]) rs.getArray("specialties").getArray()),
				Arrays.asList((String[]) rs.getArray("languages").getArray()), rs.getString("time_zone"),
				rs.getLong("version"), rs.getTimestamp("registered_at").toInstant());
	}

	/** A practitioner row, before its partners and identifiers are read. */
	private record Row(UUID id, String name, List<String> specialties, List<String> languages, String timeZone,
			long version, Instant registeredAt) {

		Practitioner with(List<UUID> partnerIds, List<ProfessionalIdentifier> identifiers) {
			return new Practitioner(id, name, partnerIds, specialties, languages, identifiers, timeZone, version,
					registeredAt);
		}

	}

}
