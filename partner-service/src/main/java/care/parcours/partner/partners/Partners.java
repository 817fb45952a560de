package care.parcours.partner.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All partners: the partner table with their accreditations and contacts. Writes are
 * checked by version, so that two edits of one partner never both win.
 */
@Repository
public class Partners {

	private static final String COLUMNS = """
			id, name, kind, status, country, city, street, postal_code, latitude, longitude, time_zone, specialties,
			languages, version, registered_at""";

	private final JdbcClient jdbc;

	Partners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Partner partner) {
		jdbc.sql("insert into partner (" + COLUMNS + """
				) values (:id, :name, :kind, :status, :country, :city, :street, :postalCode, :latitude, :longitude,
				          :timeZone, :specialties, :languages, :version, :registeredAt)
				""").params(parameters(partner)).update();
		addDetails(partner);
	}

	/**
	 * Stores the next version of a partner.
	 * @throws StaleVersion when the stored version is no longer the one before
	 */
	void update(Partner partner) {
		int updated = jdbc.sql("""
				update partner set name = :name, status = :status, country = :country, city = :city,
				       street = :street, postal_code = :postalCode, latitude = :latitude, longitude = :longitude,
				       specialties = :specialties, languages = :languages, version = :version
				where id = :id and version = :version - 1
				""").params(parameters(partner)).update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Partner " + partner.id());
		}
		jdbc.sql("delete from accreditation where partner_id = ?").param(partner.id()).update();
		jdbc.sql("delete from partner_contact where partner_id = ?").param(partner.id()).update();
		addDetails(partner);
	}

	public Optional<Partner> find(UUID id) {
		return withDetails(
				jdbc.sql("select " + COLUMNS + " from partner where id = ?").param(id).query(Partners::map).list())
			.stream()
			.findFirst();
	}

	Page<Partner> list(PageQuery query) {
		List<Partner> content = withDetails(
				jdbc.sql("select " + COLUMNS + " from partner order by name, id limit ? offset ?")
					.params(query.size(), query.offset())
					.query(Partners::map)
					.list());
		long total = jdbc.sql("select count(*) from partner").query(Long.class).single();
		return Page.of(content, query, total);
	}

	private void addDetails(Partner partner) {
		List<Accreditation> accreditations = partner.profile().accreditations();
		for (int i = 0; i < accreditations.size(); i++) {
			Accreditation accreditation = accreditations.get(i);
			jdbc.sql("""
					insert into accreditation (partner_id, position, issuer, level, expires_on)
					values (?, ?, ?, ?, ?)
					""")
				.params(partner.id(), i, accreditation.issuer(), accreditation.level(), accreditation.expiresOn())
				.update();
		}
		List<Contact> contacts = partner.profile().contacts();
		for (int i = 0; i < contacts.size(); i++) {
			Contact contact = contacts.get(i);
			jdbc.sql("""
					insert into partner_contact (partner_id, position, role, name, email, phone)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(partner.id(), i, contact.role().name(), contact.name(), contact.email(), contact.phone())
				.update();
		}
	}

	/**
	 * Loads the accreditations and contacts of the rows read, two queries for them all.
	 */
	private List<Partner> withDetails(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		String[] ids = rows.stream().map(row -> row.partner().id().toString()).toArray(String[]::new);
		Map<UUID, List<Accreditation>> accreditations = jdbc
			.sql("select partner_id, issuer, level, expires_on from accreditation where partner_id = any(?::uuid[]) "
					+ "order by partner_id, position")
			.param(ids)
			.query((rs, n) -> Map.entry(rs.getObject("partner_id", UUID.class),
					new Accreditation(rs.getString("issuer"), rs.getString("level"),
							rs.getObject("expires_on", LocalDate.class))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, List<Contact>> contacts = jdbc
			.sql("select partner_id, role, name, email, phone from partner_contact where partner_id = any(?::uuid[]) "
					+ "order by partner_id, position")
			.param(ids)
			.query((rs, n) -> Map.entry(rs.getObject("partner_id", UUID.class),
					new Contact(ContactRole.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("email"),
							rs.getString("phone"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream()
			.map(row -> row.with(accreditations.getOrDefault(row.partner().id(), List.of()),
					contacts.getOrDefault(row.partner().id(), List.of())))
			.toList();
	}

	private static Map<String, @Nullable Object> parameters(Partner partner) {
		PartnerProfile profile = partner.profile();
		Coordinates location = profile.location();
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("id", partner.id());
		values.put("name", profile.name());
		values.put("kind", partner.kind().name());
		values.put("status", partner.status().name());
		values.put("country", profile.address().country());
		values.put("city", profile.address().city());
		values.put("street", profile.address().street());
		values.put("postalCode", profile.address().postalCode());
		values.put("latitude", location == null ? null : location.latitude());
		values.put("longitude", location == null ? null : location.longitude());
		values.put("timeZone", partner.timeZone().getId());
		values.put("specialties", profile.specialties().toArray(String[]::new));
		values.put("languages", profile.languages().toArray(String[]::new));
		values.put("version", partner.version());
		values.put("registeredAt", Timestamp.from(partner.registeredAt()));
		return values;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		double latitude = rs.getDouble("latitude");
		Coordinates location = rs.wasNull() ? null : new Coordinates(latitude, rs.getDouble("longitude"));
		PartnerProfile profile = new PartnerProfile(rs.getString("name"),
				new Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
						rs.getString("country")),
				location, strings(rs, "specialties"), strings(rs, "languages"), List.of(), List.of());
		return new Row(new Partner(rs.getObject("id", UUID.class), PartnerKind.valueOf(rs.getString("kind")),
				ZoneId.of(rs.getString("time_zone")), OnboardingStatus.valueOf(rs.getString("status")), profile,
				rs.getLong("version"), rs.getTimestamp("registered_at").toInstant()));
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

	/** A partner row before its accreditations and contacts are read. */
	private record Row(Partner partner) {

		Partner with(Collection<Accreditation> accreditations, Collection<Contact> contacts) {
			PartnerProfile p = partner.profile();
			return new Partner(partner.id(), partner.kind(), partner.timeZone(), partner.status(),
					new PartnerProfile(p.name(), p.address(), p.location(), p.specialties(), p.languages(),
							List.copyOf(accreditations), List.copyOf(contacts)),
					partner.version(), partner.registeredAt());
		}

	}

}
