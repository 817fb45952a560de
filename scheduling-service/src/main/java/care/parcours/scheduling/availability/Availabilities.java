package care.parcours.scheduling.availability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Practitioners' appointment types, weekly rules and exceptions. */
@Repository
public class Availabilities {

	private final JdbcClient jdbc;

	Availabilities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The practitioner's availability with the exceptions overlapping
	 * {@code exceptionsWithin}.
	 */
	public Optional<WeeklyAvailability> find(UUID practitionerId, TimeRange exceptionsWithin) {
		return Optional.ofNullable(findAll(List.of(practitionerId), exceptionsWithin).get(practitionerId));
	}

	/**
	 * Several practitioners' availability at once, in four queries whatever their number.
	 */
	public Map<UUID, WeeklyAvailability> findAll(Collection<UUID> practitionerIds, TimeRange exceptionsWithin) {
		if (practitionerIds.isEmpty()) {
			return Map.of();
		}
		UUID[] ids = practitionerIds.toArray(UUID[]::new);
		Map<UUID, Header> headers = new LinkedHashMap<>();
		jdbc.sql("select practitioner_id, partner_id, time_zone, availability_version from schedule"
				+ " where practitioner_id = any(?)")
			.param(ids)
			.query(rs -> {
				headers.put(rs.getObject(1, UUID.class),
						new Header(rs.getObject(2, UUID.class), ZoneId.of(rs.getString(3)), rs.getLong(4)));
			});
		Map<UUID, Map<String, AppointmentType>> types = new HashMap<>();
		jdbc.sql("select practitioner_id, code, duration_minutes, modes from appointment_type"
				+ " where practitioner_id = any(?)")
			.param(ids)
			.query(rs -> {
				types.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
					.put(rs.getString(2), new AppointmentType(rs.getString(2), Duration.ofMinutes(rs.getInt(3)),
							modes(rs.getArray(4))));
			});
		Map<UUID, List<WeeklyRule>> rules = new HashMap<>();
		jdbc.sql("select practitioner_id, id, day_of_week, start_time, end_time, modes, appointment_types,"
				+ " valid_from, valid_until from availability_rule where practitioner_id = any(?)")
			.param(ids)
			.query(rs -> {
				rules.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rule(rs));
			});
		Map<UUID, List<AvailabilityException>> exceptions = new HashMap<>();
		jdbc.sql("select practitioner_id, id, kind, reason, lower(during), upper(during), modes, appointment_types"
				+ " from availability_exception where practitioner_id = any(?) and during && tstzrange(?, ?)")
			.params(ids, Timestamp.from(exceptionsWithin.start()), Timestamp.from(exceptionsWithin.end()))
			.query(rs -> {
				exceptions.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(exception(rs));
			});
		Map<UUID, WeeklyAvailability> all = new HashMap<>();
		headers.forEach((id, header) -> all.put(id,
				new WeeklyAvailability(id, header.partnerId(), header.zone(), types.getOrDefault(id, Map.of()),
						rules.getOrDefault(id, List.of()), exceptions.getOrDefault(id, List.of()), header.version())));
		return all;
	}

	/**
	 * Replaces the types and rules, checking the version the caller read when it gives
	 * one.
	 * @return the new version, or empty when the version did not match
	 */
	Optional<Long> replace(UUID practitionerId, Collection<AppointmentType> newTypes, Collection<WeeklyRule> newRules,
			@Nullable Long expectedVersion) {
		Optional<Long> version = jdbc
			.sql("update schedule set availability_version = availability_version + 1 where practitioner_id = ?"
					+ " and (?::bigint is null or availability_version = ?) returning availability_version")
			.params(practitionerId, expectedVersion, expectedVersion)
			.query(Long.class)
			.optional();
		if (version.isEmpty()) {
			return version;
		}
		jdbc.sql("delete from availability_rule where practitioner_id = ?").param(practitionerId).update();
		jdbc.sql("delete from appointment_type where practitioner_id = ?").param(practitionerId).update();
		for (AppointmentType type : newTypes) {
			jdbc.sql(
					"insert into appointment_type (practitioner_id, code, duration_minutes, modes) values (?, ?, ?, ?)")
				.params(practitionerId, type.code(), (int) type.duration().toMinutes(), names(type.modes()))
				.update();
		}
		for (WeeklyRule rule : newRules) {
			jdbc.sql("""
					insert into availability_rule (id, practitioner_id, day_of_week, start_time, end_time, modes,
					                               appointment_types, valid_from, valid_until)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(rule.id(), practitionerId, rule.day().getValue(), rule.start(), rule.end(), names(rule.modes()),
						rule.appointmentTypes() == null ? null : rule.appointmentTypes().toArray(String[]::new),
						rule.validFrom(), rule.validUntil())
				.update();
		}
		return version;
	}

	void add(UUID practitionerId, AvailabilityException exception, java.time.Instant now) {
		jdbc.sql("""
				insert into availability_exception (id, practitioner_id, kind, reason, during, modes,
				                                    appointment_types, created_at)
				values (?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?)
				""")
			.params(exception.id(), practitionerId, exception.kind().name(), exception.reason().name(),
					Timestamp.from(exception.during().start()), Timestamp.from(exception.during().end()),
					names(exception.modes()),
					exception.appointmentTypes() == null ? null : exception.appointmentTypes().toArray(String[]::new),
					Timestamp.from(now))
			.update();
	}

	Optional<AvailabilityException> remove(UUID practitionerId, UUID exceptionId) {
		return jdbc
			.sql("delete from availability_exception where practitioner_id = ? and id = ? returning"
					+ " practitioner_id, id, kind, reason, lower(during), upper(during), modes, appointment_types")
			.params(practitionerId, exceptionId)
			.query((rs, row) -> exception(rs))
			.optional();
	}

	private static WeeklyRule rule(ResultSet rs) throws SQLException {
		Array types = rs.getArray(7);
		java.sql.Date until = rs.getDate(9);
		return new WeeklyRule(rs.getObject(2, UUID.class), DayOfWeek.of(rs.getInt(3)), rs.getTime(4).toLocalTime(),
				rs.getTime(5).toLocalTime(), modes(rs.getArray(6)),
				types == null ? null : Set.of((String[]) types.getArray()), rs.getDate(8).toLocalDate(),
				until == null ? null : until.toLocalDate());
	}

	private static AvailabilityException exception(ResultSet rs) throws SQLException {
		Array modes = rs.getArray(7);
		Array types = rs.getArray(8);
		return new AvailabilityException(rs.getObject(2, UUID.class),
				AvailabilityException.Kind.valueOf(rs.getString(3)),
				AvailabilityException.Reason.valueOf(rs.getString(4)),
				new TimeRange(rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()),
				modes == null ? Set.of() : modes(modes), types == null ? null : Set.of((String[]) types.getArray()));
	}

	private static Set<Mode> modes(Array array) throws SQLException {
		Set<Mode> modes = EnumSet.noneOf(Mode.class);
		Arrays.stream((String[]) array.getArray()).map(Mode::valueOf).forEach(modes::add);
		return modes;
	}

	private static String[] names(Set<Mode> modes) {
		return modes.stream().map(Mode::name).sorted().collect(Collectors.toList()).toArray(String[]::new);
	}

	private record Header(UUID partnerId, ZoneId zone, long version) {

	}

}
