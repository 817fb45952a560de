package care.parcours.scheduling.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Resources' opening hours and exceptions, kept beside the resource copies in tables of
 * their own (keyed by resource) and read into the practitioners' types.
 */
@Repository
public class ResourceAvailabilities {

	private final JdbcClient jdbc;

	ResourceAvailabilities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * When each of the resources is open within {@code range}, in one query whatever
	 * their number: what slot search, booking and moves ask before taking a resource.
	 */
	public OpenResources openOver(Collection<UUID> resourceIds, TimeRange range) {
		if (resourceIds.isEmpty()) {
			return OpenResources.ALWAYS;
		}
		Map<UUID, ResourceHours> hours = read(resourceIds, range, false);
		Map<UUID, List<TimeRange>> open = new HashMap<>();
		hours.forEach((id, resource) -> open.put(id, resource.open(range)));
		return new OpenResources(open);
	}

	/**
	 * A resource's hours with the exceptions overlapping {@code exceptionsWithin}; empty
	 * when the resource is unknown.
	 */
	Optional<ResourceHours> find(UUID resourceId, TimeRange exceptionsWithin) {
		return Optional.ofNullable(read(List.of(resourceId), exceptionsWithin, true).get(resourceId));
	}

	/**
	 * Rules and exceptions of the resources in one statement: a header row per resource
	 * when {@code withHeaders} (so that one without hours is found too), a row per rule
	 * and a row per exception overlapping the range. Without headers only resources with
	 * hours or exceptions come back.
	 */
	private Map<UUID, ResourceHours> read(Collection<UUID> resourceIds, TimeRange range, boolean withHeaders) {
		Timestamp from = Timestamp.from(range.start());
		Timestamp to = Timestamp.from(range.end());
		UUID[] ids = resourceIds.toArray(UUID[]::new);
		Map<UUID, Header> headers = new LinkedHashMap<>();
		Map<UUID, List<WeeklyRule>> rules = new HashMap<>();
		Map<UUID, List<AvailabilityException>> exceptions = new HashMap<>();
		jdbc.sql("""
				select r.id, r.partner_id, r.time_zone, r.hours_version, 'H' as row_kind, null::uuid as row_id,
				       null::smallint, null::time, null::time, null::date, null::date, null, null,
				       null::timestamptz, null::timestamptz
				from resource r where r.id = any(?) and ?
				union all
				select r.id, r.partner_id, r.time_zone, r.hours_version, 'R', h.id, h.day_of_week, h.start_time,
				       h.end_time, h.valid_from, h.valid_until, null, null, null, null
				from resource r join resource_hours_rule h on h.resource_id = r.id
				where r.id = any(?)
				union all
				select r.id, r.partner_id, r.time_zone, r.hours_version, 'E', e.id, null, null, null, null, null,
				       e.kind, e.reason, lower(e.during), upper(e.during)
				from resource r join resource_hours_exception e on e.resource_id = r.id
				where r.id = any(?) and e.during && tstzrange(?, ?)
				""").params(ids, withHeaders, ids, ids, from, to).query(rs -> {
			UUID id = rs.getObject(1, UUID.class);
			headers.computeIfAbsent(id, key -> header(rs));
			switch (rs.getString(5)) {
				case "R" -> rules.computeIfAbsent(id, key -> new ArrayList<>()).add(rule(rs));
				case "E" -> exceptions.computeIfAbsent(id, key -> new ArrayList<>()).add(exception(rs));
				default -> {
				}
			}
		});
		Map<UUID, ResourceHours> hours = new HashMap<>();
		headers.forEach((id, header) -> hours.put(id, new ResourceHours(id, header.partnerId(), header.zone(),
				rules.getOrDefault(id, List.of()), exceptions.getOrDefault(id, List.of()), header.version())));
		return hours;
	}

	/**
	 * Replaces the weekly rules, checking the version the caller read.
	 * @return the new version, or empty when the version did not match
	 */
	Optional<Long> replace(UUID resourceId, Collection<WeeklyRule> newRules, ExpectedVersion expected) {
		Optional<Long> version = jdbc
			.sql("update resource set hours_version = hours_version + 1 where id = ? and hours_version = ?"
					+ " returning hours_version")
			.params(resourceId, expected.value())
			.query(Long.class)
			.optional();
		if (version.isEmpty()) {
			return version;
		}
		jdbc.sql("delete from resource_hours_rule where resource_id = ?").param(resourceId).update();
		for (WeeklyRule rule : newRules) {
			jdbc.sql("""
					insert into resource_hours_rule (id, resource_id, day_of_week, start_time, end_time, valid_from,
					                                 valid_until)
					values (?, ?, ?, ?, ?, ?, ?)
					""")
				.params(rule.id(), resourceId, rule.day().getValue(), rule.start(), rule.end(), rule.validFrom(),
						rule.validUntil())
				.update();
		}
		return version;
	}

	void add(UUID resourceId, AvailabilityException exception, Instant now) {
		jdbc.sql("""
				insert into resource_hours_exception (id, resource_id, kind, reason, during, created_at)
				values (?, ?, ?, ?, tstzrange(?, ?), ?)
				""")
			.params(exception.id(), resourceId, exception.kind().name(), exception.reason().name(),
					Timestamp.from(exception.during().start()), Timestamp.from(exception.during().end()),
					Timestamp.from(now))
			.update();
	}

	boolean remove(UUID resourceId, UUID exceptionId) {
		return jdbc.sql("delete from resource_hours_exception where resource_id = ? and id = ?")
			.params(resourceId, exceptionId)
			.update() == 1;
	}

	private static Header header(ResultSet rs) {
		try {
			return new Header(rs.getObject(2, UUID.class), ZoneId.of(rs.getString(3)), rs.getLong(4));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WeeklyRule rule(ResultSet rs) throws SQLException {
		java.sql.Date until = rs.getDate(11);
		return WeeklyRule.opening(rs.getObject(6, UUID.class), DayOfWeek.of(rs.getInt(7)), rs.getTime(8).toLocalTime(),
				rs.getTime(9).toLocalTime(), rs.getDate(10).toLocalDate(), until == null ? null : until.toLocalDate());
	}

	private static AvailabilityException exception(ResultSet rs) throws SQLException {
		return AvailabilityException.ofResource(rs.getObject(6, UUID.class),
				AvailabilityException.Kind.valueOf(rs.getString(12)),
				AvailabilityException.Reason.valueOf(rs.getString(13)),
				new TimeRange(rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant()));
	}

	private record Header(UUID partnerId, ZoneId zone, long version) {

	}

}
