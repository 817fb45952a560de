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

import care.parcours.platform.domain.ExpectedVersion;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Practitioners' appointment types, weekly rules and exceptions. */
@Repository
public class Availabilities {

	private final JdbcClient jdbc;

	/** Types and rules by practitioner, valid for the revision they were read at. */
	private final Cache<UUID, Offer> offers = Caffeine.newBuilder().maximumSize(20_000).build();

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
	 * Several practitioners' availability at once. Types and rules change rarely and are
	 * kept in memory by version: the versions and the exceptions are read on every call,
	 * in one query, and types and rules only for the practitioners whose version moved.
	 */
	public Map<UUID, WeeklyAvailability> findAll(Collection<UUID> practitionerIds, TimeRange exceptionsWithin) {
		if (practitionerIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Header> headers = new LinkedHashMap<>();
		Map<UUID, List<AvailabilityException>> exceptions = new HashMap<>();
		jdbc.sql("""
				select s.practitioner_id, s.partner_id, s.time_zone, s.availability_version, s.availability_revision,
				       e.practitioner_id, e.id, e.kind, e.reason, lower(e.during), upper(e.during), e.modes,
				       e.appointment_types
				from schedule s
				left join availability_exception e
				       on e.practitioner_id = s.practitioner_id and e.during && tstzrange(?, ?)
				where s.practitioner_id = any(?)
				""")
			.params(Timestamp.from(exceptionsWithin.start()), Timestamp.from(exceptionsWithin.end()),
					practitionerIds.toArray(UUID[]::new))
			.query(rs -> {
				UUID id = rs.getObject(1, UUID.class);
				headers.putIfAbsent(id, new Header(rs.getObject(2, UUID.class), ZoneId.of(rs.getString(3)),
						rs.getLong(4), rs.getObject(5, UUID.class)));
				if (rs.getObject(7) != null) {
					exceptions.computeIfAbsent(id, key -> new ArrayList<>()).add(exception(rs, 5));
				}
			});
		Map<UUID, Offer> current = offers(headers);
		Map<UUID, WeeklyAvailability> all = new HashMap<>();
		headers.forEach((id, header) -> all.put(id,
				new WeeklyAvailability(id, header.partnerId(), header.zone(), current.get(id).types(),
						current.get(id).rules(), exceptions.getOrDefault(id, List.of()), header.version())));
		return all;
	}

	/**
	 * Types and rules at the versions read: from memory, reading only those that moved.
	 */
	private Map<UUID, Offer> offers(Map<UUID, Header> headers) {
		Map<UUID, Offer> current = new HashMap<>();
		List<UUID> stale = new ArrayList<>();
		headers.forEach((id, header) -> {
			Offer cached = offers.getIfPresent(id);
			if (cached != null && cached.revision().equals(header.revision())) {
				current.put(id, cached);
			}
			else {
				stale.add(id);
			}
		});
		if (stale.isEmpty()) {
			return current;
		}
		UUID[] ids = stale.toArray(UUID[]::new);
		Map<UUID, Map<String, List<RequiredRole>>> roles = rolesOf(ids);
		Map<UUID, Map<String, AppointmentType>> types = new HashMap<>();
		jdbc.sql("select practitioner_id, code, duration_minutes, modes from appointment_type"
				+ " where practitioner_id = any(?)")
			.param(ids)
			.query(rs -> {
				UUID practitioner = rs.getObject(1, UUID.class);
				types.computeIfAbsent(practitioner, id -> new HashMap<>())
					.put(rs.getString(2), new AppointmentType(rs.getString(2), Duration.ofMinutes(rs.getInt(3)),
							modes(rs.getArray(4)),
							roles.getOrDefault(practitioner, Map.of()).getOrDefault(rs.getString(2), List.of())));
			});
		Map<UUID, List<WeeklyRule>> rules = new HashMap<>();
		jdbc.sql("select practitioner_id, id, day_of_week, start_time, end_time, modes, appointment_types,"
				+ " valid_from, valid_until from availability_rule where practitioner_id = any(?)")
			.param(ids)
			.query(rs -> {
				rules.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rule(rs));
			});
		for (UUID id : stale) {
			Offer offer = new Offer(headers.get(id).revision(), Map.copyOf(types.getOrDefault(id, Map.of())),
					List.copyOf(rules.getOrDefault(id, List.of())));
			offers.put(id, offer);
			current.put(id, offer);
		}
		return current;
	}

	/** The roles of the practitioners' types, by practitioner and type code, in order. */
	private Map<UUID, Map<String, List<RequiredRole>>> rolesOf(UUID[] practitioners) {
		Map<UUID, Map<String, List<RequiredRole>>> roles = new HashMap<>();
		jdbc.sql("""
				select practitioner_id, code, role, kind, resource_id, language, buffer_before_minutes,
				       buffer_after_minutes, specialty
				from appointment_type_role where practitioner_id = any(?) order by practitioner_id, code, position
				""").param(practitioners).query(rs -> {
			roles.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
				.computeIfAbsent(rs.getString(2), code -> new ArrayList<>())
				.add(new RequiredRole(rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
						rs.getString(9), Duration.ofMinutes(rs.getInt(7)), Duration.ofMinutes(rs.getInt(8))));
		});
		return roles;
	}

	/**
	 * Replaces the types and rules, checking the version the caller read.
	 * @return the new version, or empty when the version did not match
	 */
	Optional<Long> replace(UUID practitionerId, Collection<AppointmentType> newTypes, Collection<WeeklyRule> newRules,
			ExpectedVersion expected) {
		Optional<Long> version = jdbc
			.sql("update schedule set availability_version = availability_version + 1,"
					+ " availability_revision = gen_random_uuid() where practitioner_id = ?"
					+ " and availability_version = ? returning availability_version")
			.params(practitionerId, expected.value())
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
			for (int i = 0; i < type.roles().size(); i++) {
				RequiredRole role = type.roles().get(i);
				jdbc.sql("""
						insert into appointment_type_role (practitioner_id, code, position, role, kind, resource_id,
						                                   language, buffer_before_minutes, buffer_after_minutes,
						                                   specialty)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(practitionerId, type.code(), i, role.role(), role.kind(), role.resourceId(),
							role.language(), (int) role.bufferBefore().toMinutes(),
							(int) role.bufferAfter().toMinutes(), role.specialty())
					.update();
			}
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
			.query((rs, row) -> exception(rs, 0))
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

	/**
	 * Reads an exception whose columns (practitioner, id, kind, ...) follow {@code skip}
	 * others.
	 */
	private static AvailabilityException exception(ResultSet rs, int skip) throws SQLException {
		Array modes = rs.getArray(skip + 7);
		Array types = rs.getArray(skip + 8);
		return new AvailabilityException(rs.getObject(skip + 2, UUID.class),
				AvailabilityException.Kind.valueOf(rs.getString(skip + 3)),
				AvailabilityException.Reason.valueOf(rs.getString(skip + 4)),
				new TimeRange(rs.getTimestamp(skip + 5).toInstant(), rs.getTimestamp(skip + 6).toInstant()),
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

	private record Header(UUID partnerId, ZoneId zone, long version, UUID revision) {

	}

	private record Offer(UUID revision, Map<String, AppointmentType> types, List<WeeklyRule> rules) {

	}

}
