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
 * when its registration never arrived, as it carries the whole state. What a partner
 * offers to fill a role includes its practitioners, as resources of kind
 * {@link ResourceCopy#PRACTITIONER} read from their schedules.
 */
@Repository
public class ResourceCopies {

	/** Practitioners as resources, by partner they work for. */
	private static final String PRACTITIONERS = """
			select s.practitioner_id, m.partner_id, 'PRACTITIONER', s.time_zone, s.specialties, s.languages, false,
			       s.opened_at
			from practitioner_partner m join schedule s on s.practitioner_id = m.practitioner_id
			""";

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
		return offered(partnerId, kind, language, null);
	}

	/**
	 * The resources of a kind a partner offers, speaking the language and of the
	 * specialty when asked, in a stable order so that a choice among them is repeatable.
	 * Of kind {@link ResourceCopy#PRACTITIONER}, the practitioners working for the
	 * partner, from their schedules: partner-service retires no practitioner, one who
	 * left the partner is no longer offered.
	 */
	public List<ResourceCopy> offered(UUID partnerId, String kind, @Nullable String language,
			@Nullable String specialty) {
		return jdbc.sql("""
				select id, partner_id, kind, time_zone, specialties, languages, retired, known_since
				from resource
				where partner_id = :partner and kind = :kind and not retired
				  and (:language::text is null or :language::text = any(languages))
				  and (:specialty::text is null or :specialty::text = any(specialties))
				union all
				""" + PRACTITIONERS + """
				where m.partner_id = :partner and :kind::text = :practitioner
				  and (:language::text is null or :language::text = any(s.languages))
				  and (:specialty::text is null or :specialty::text = any(s.specialties))
				order by id
				""")
			.param("partner", partnerId)
			.param("kind", kind)
			.param("language", language)
			.param("specialty", specialty)
			.param("practitioner", ResourceCopy.PRACTITIONER)
			.query(ResourceCopies::map)
			.list();
	}

	/**
	 * The resources of the kinds the partners offer, in one query, in the same stable
	 * order as {@link #offered(UUID, String, String)}; practitioners too when the kinds
	 * name {@link ResourceCopy#PRACTITIONER}, once for each of those partners they work
	 * for.
	 */
	public List<ResourceCopy> offered(Collection<UUID> partnerIds, Collection<String> kinds) {
		return jdbc.sql("""
				select id, partner_id, kind, time_zone, specialties, languages, retired, known_since
				from resource
				where partner_id = any(:partners) and kind = any(:kinds) and not retired
				union all
				""" + PRACTITIONERS + """
				where m.partner_id = any(:partners) and :practitioner::text = any(:kinds)
				order by id
				""")
			.param("partners", partnerIds.toArray(UUID[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.param("practitioner", ResourceCopy.PRACTITIONER)
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
