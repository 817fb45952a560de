package care.parcours.scheduling.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All schedules. */
@Repository
public class Schedules {

	private final JdbcClient jdbc;

	Schedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a schedule unless the practitioner already has one. */
	void open(Schedule schedule) {
		jdbc.sql("""
				insert into schedule (practitioner_id, partner_id, time_zone, specialties, languages, opened_at)
				values (:practitionerId, :partnerId, :timeZone, :specialties, :languages, :openedAt)
				on conflict (practitioner_id) do nothing
				""")
			.param("practitionerId", schedule.practitionerId())
			.param("partnerId", schedule.partnerId())
			.param("timeZone", schedule.timeZone().getId())
			.param("specialties", schedule.specialties().toArray(String[]::new))
			.param("languages", schedule.languages().toArray(String[]::new))
			.param("openedAt", Timestamp.from(schedule.openedAt()))
			.update();
		join(schedule.practitionerId(), schedule.partnerId());
	}

	/**
	 * Applies a practitioner's new details unless a later version was applied already;
	 * {@code partnerIds}, when not empty, become the practitioner's partners.
	 */
	void update(UUID practitionerId, ZoneId zone, List<String> specialties, List<String> languages,
			List<UUID> partnerIds, long version) {
		int updated = jdbc.sql("""
				update schedule set time_zone = :timeZone, specialties = :specialties, languages = :languages,
				       source_version = :version
				where practitioner_id = :practitionerId and source_version < :version
				""")
			.param("practitionerId", practitionerId)
			.param("timeZone", zone.getId())
			.param("specialties", specialties.toArray(String[]::new))
			.param("languages", languages.toArray(String[]::new))
			.param("version", version)
			.update();
		if (updated == 1 && !partnerIds.isEmpty()) {
			partnerIds.forEach(partnerId -> join(practitionerId, partnerId));
			jdbc.sql("delete from practitioner_partner where practitioner_id = ? and partner_id <> all(?)")
				.params(practitionerId, partnerIds.toArray(UUID[]::new))
				.update();
			reassignPrimaryPartner(practitionerId);
		}
	}

	void join(UUID practitionerId, UUID partnerId) {
		jdbc.sql("""
				insert into practitioner_partner (practitioner_id, partner_id)
				select practitioner_id, ? from schedule where practitioner_id = ?
				on conflict do nothing
				""").params(partnerId, practitionerId).update();
	}

	/**
	 * The practitioner no longer works for the partner; its bookings there stay as they
	 * are.
	 */
	void leave(UUID practitionerId, UUID partnerId) {
		jdbc.sql("delete from practitioner_partner where practitioner_id = ? and partner_id = ?")
			.params(practitionerId, partnerId)
			.update();
		reassignPrimaryPartner(practitionerId);
	}

	/**
	 * New bookings go to a partner the practitioner still works for, when one is left.
	 */
	private void reassignPrimaryPartner(UUID practitionerId) {
		jdbc.sql("""
				update schedule s set partner_id = (select min(m.partner_id::text)::uuid from practitioner_partner m
				                                    where m.practitioner_id = s.practitioner_id)
				where s.practitioner_id = ?
				  and not exists (select 1 from practitioner_partner m
				                  where m.practitioner_id = s.practitioner_id and m.partner_id = s.partner_id)
				  and exists (select 1 from practitioner_partner m where m.practitioner_id = s.practitioner_id)
				""").param(practitionerId).update();
	}

	/** The partners the practitioner works for. */
	public List<UUID> partnersOf(UUID practitionerId) {
		return jdbc.sql("select partner_id from practitioner_partner where practitioner_id = ?")
			.param(practitionerId)
			.query(UUID.class)
			.list();
	}

	public Optional<Schedule> find(UUID practitionerId) {
		return jdbc.sql("""
				select practitioner_id, partner_id, time_zone, specialties, languages, opened_at
				from schedule where practitioner_id = ?
				""").param(practitionerId).query(Schedules::map).optional();
	}

	private static Schedule map(ResultSet rs, int row) throws SQLException {
		return new Schedule(rs.getObject("practitioner_id", UUID.class), rs.getObject("partner_id", UUID.class),
				ZoneId.of(rs.getString("time_zone")), Arrays.asList((String[]) rs.getArray("specialties").getArray()),
				Arrays.asList((String[]) rs.getArray("languages").getArray()),
				rs.getTimestamp("opened_at").toInstant());
	}

}
