package care.parcours.scheduling.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The local copy of the resources partners offer. Each change applies only over an older
 * version, so a late redelivery never undoes a newer one; an update also creates the copy
 * when its registration never arrived, as it carries the whole state.
 */
@Repository
public class ResourceCopies {

	private final JdbcClient jdbc;

	ResourceCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an announcement says of a resource. */
	record Announced(UUID id, UUID partnerId, String kind, String timeZone, List<String> specialties,
			List<String> languages) {

	}

	void apply(Announced resource, long version, Instant now) {
		jdbc.sql("""
				insert into resource (id, partner_id, kind, time_zone, specialties, languages, retired, source_version,
				                      known_since)
				values (?, ?, ?, ?, ?, ?, false, ?, ?)
				on conflict (id) do update
				    set time_zone = excluded.time_zone, specialties = excluded.specialties,
				        languages = excluded.languages, source_version = excluded.source_version
				    where resource.source_version < excluded.source_version
				""")
			.params(resource.id(), resource.partnerId(), resource.kind(), resource.timeZone(),
					resource.specialties().toArray(String[]::new), resource.languages().toArray(String[]::new), version,
					Timestamp.from(now))
			.update();
	}

	void retire(UUID id, long version) {
		jdbc.sql("update resource set retired = true, source_version = ? where id = ? and source_version < ?")
			.params(version, id, version)
			.update();
	}

	public Optional<ResourceCopy> find(UUID id) {
		return jdbc.sql("""
				select id, partner_id, kind, time_zone, specialties, languages, retired, known_since
				from resource where id = ?
				""").param(id).query(ResourceCopies::map).optional();
	}

	/**
	 * The resources of a kind a partner offers, speaking the language when one is asked,
	 * in a stable order so that a choice among them is repeatable.
	 */
	public List<ResourceCopy> offered(UUID partnerId, String kind, @Nullable String language) {
		return jdbc.sql("""
				select id, partner_id, kind, time_zone, specialties, languages, retired, known_since
				from resource
				where partner_id = ? and kind = ? and not retired and (?::text is null or ?::text = any(languages))
				order by id
				""").params(partnerId, kind, language, language).query(ResourceCopies::map).list();
	}

	/**
	 * The resources of the kinds the partners offer, in one query, in the same stable
	 * order as {@link #offered(UUID, String, String)}.
	 */
	public List<ResourceCopy> offered(Collection<UUID> partnerIds, Collection<String> kinds) {
		return jdbc.sql("""
				select id, partner_id, kind, time_zone, specialties, languages, retired, known_since
				from resource
				where partner_id = any(?) and kind = any(?) and not retired
				order by id
				""")
			.params(partnerIds.toArray(UUID[]::new), kinds.toArray(String[]::new))
			.query(ResourceCopies::map)
			.list();
	}

	private static ResourceCopy map(ResultSet rs, int row) throws SQLException {
		return new ResourceCopy(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class),
				rs.getString("kind"), ZoneId.of(rs.getString("time_zone")),
				Arrays.asList((String[]) rs.getArray("specialties").getArray()),
				Arrays.asList((String[]) rs.getArray("languages").getArray()), rs.getBoolean("retired"),
				rs.getTimestamp("known_since").toInstant());
	}

}
