package care.parcours.scheduling.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.PathwayStep;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All waiting-list entries. */
@Repository
class Waitlist {

	private static final String COLUMNS = """
			id, patient_id, practitioner_id, specialty, partner_id, language, appointment_type, mode,
			lower(wanted) as wanted_from, upper(wanted) as wanted_to, pathway_id, step_id, status, hold_id, lapsed_offers,
			version, created_at""";

	private final JdbcClient jdbc;

	Waitlist(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WaitlistEntry entry) {
		jdbc.sql("""
				insert into waitlist_entry (id, patient_id, practitioner_id, specialty, partner_id, language,
				                            appointment_type, mode, wanted, pathway_id, step_id, status, lapsed_offers,
				                            version, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, ?)
				""")
			.params(entry.id(), entry.patientId(), entry.practitionerId(), entry.specialty(), entry.partnerId(),
					entry.language(), entry.appointmentType(), entry.mode() == null ? null : entry.mode().name(),
					Timestamp.from(entry.wanted().start()), Timestamp.from(entry.wanted().end()),
					PathwayStep.pathwayOf(entry.step()), PathwayStep.stepOf(entry.step()), entry.status().name(),
					entry.lapsedOffers(), entry.version(), Timestamp.from(entry.createdAt()))
			.update();
	}

	void update(WaitlistEntry changed) {
		int updated = jdbc
			.sql("update waitlist_entry set status = ?, hold_id = ?, lapsed_offers = ?, version = ?"
					+ " where id = ? and version = ?")
			.params(changed.status().name(), changed.holdId(), changed.lapsedOffers(), changed.version(), changed.id(),
					changed.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Waiting-list entry " + changed.id());
		}
	}

	Optional<WaitlistEntry> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from waitlist_entry where id = ?")
			.param(id)
			.query(Waitlist::map)
			.optional();
	}

	/**
	 * The entries waiting for this practitioner within a range, first come first served
	 * (those who let offers lapse last), locked so that two offers never go to one entry.
	 */
	List<WaitlistEntry> waitingFor(UUID practitionerId, UUID partnerId, List<String> specialties,
			List<String> languages, TimeRange within, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from waitlist_entry
				where status = 'WAITING' and wanted && tstzrange(?, ?)
				  and (practitioner_id = ?
				       or (practitioner_id is null and specialty = any(?::text[])
				           and (partner_id is null or partner_id = ?)
				           and (language is null or language = any(?::text[]))))
				order by lapsed_offers, created_at
				limit ? for update skip locked
				""")
			.params(Timestamp.from(within.start()), Timestamp.from(within.end()), practitionerId,
					specialties.toArray(String[]::new), partnerId, languages.toArray(String[]::new), limit)
			.query(Waitlist::map)
			.list();
	}

	/** A waiting entry, and a practitioner who could serve it with a freed resource. */
	record Needing(WaitlistEntry entry, UUID practitionerId) {

	}

	/**
	 * The entries waiting within a range for an appointment type that needs the resource,
	 * each with every practitioner of the resource's partner who offers that type and
	 * could serve the entry (the one named, or one of the specialty and language), first
	 * come first served as {@link #waitingFor}, locked. The types' roles and the
	 * schedules are read here, in one query, rather than asked of their features entry by
	 * entry.
	 */
	List<Needing> needing(UUID resourceId, TimeRange within, int limit) {
		return jdbc.sql("""
				with freed as (select id, partner_id, kind, languages from resource where id = ?),
				     offering as (select s.practitioner_id as offered_by, s.partner_id as offered_at,
				                         s.specialties as offered_specialties, s.languages as offered_languages,
				                         r.code as offered_type
				                  from freed f
				                  join schedule s on s.partner_id = f.partner_id
				                  join appointment_type_role r on r.practitioner_id = s.practitioner_id
				                   and r.kind = f.kind and (r.resource_id is null or r.resource_id = f.id)
				                   and (r.language is null or r.language = any(f.languages)))
				select %s, offered_by
				from waitlist_entry join offering on appointment_type = offered_type
				 and (practitioner_id = offered_by
				      or (practitioner_id is null and specialty = any(offered_specialties)
				          and (partner_id is null or partner_id = offered_at)
				          and (language is null or language = any(offered_languages))))
				where status = 'WAITING' and wanted && tstzrange(?, ?)
				order by lapsed_offers, created_at, id, offered_by
				limit ? for update of waitlist_entry skip locked
				""".formatted(COLUMNS))
			.params(resourceId, Timestamp.from(within.start()), Timestamp.from(within.end()), limit)
			.query((rs, row) -> new Needing(map(rs, row), rs.getObject("offered_by", UUID.class)))
			.list();
	}

	Optional<WaitlistEntry> offeredWith(UUID holdId) {
		return jdbc
			.sql("select " + COLUMNS + " from waitlist_entry where hold_id = ? and status = 'OFFERED' for update")
			.param(holdId)
			.query(Waitlist::map)
			.optional();
	}

	Page<WaitlistEntry> list(@Nullable UUID patientId, @Nullable UUID practitionerId,
			WaitlistEntry.@Nullable Status status, PageQuery page) {
		StringBuilder where = new StringBuilder(" from waitlist_entry where true");
		List<Object> params = new ArrayList<>();
		if (patientId != null) {
			where.append(" and patient_id = ?");
			params.add(patientId);
		}
		if (practitionerId != null) {
			where.append(" and practitioner_id = ?");
			params.add(practitionerId);
		}
		if (status != null) {
			where.append(" and status = ?");
			params.add(status.name());
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		return Page.of(jdbc.sql("select " + COLUMNS + where + " order by created_at, id limit ? offset ?")
			.params(pageParams)
			.query(Waitlist::map)
			.list(), page, total);
	}

	int expireEnded(Instant now) {
		return jdbc
			.sql("update waitlist_entry set status = 'EXPIRED', version = version + 1"
					+ " where status = 'WAITING' and upper(wanted) <= ?")
			.param(Timestamp.from(now))
			.update();
	}

	private static WaitlistEntry map(ResultSet rs, int row) throws SQLException {
		String mode = rs.getString("mode");
		UUID pathway = rs.getObject("pathway_id", UUID.class);
		return new WaitlistEntry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("practitioner_id", UUID.class), rs.getString("specialty"),
				rs.getObject("partner_id", UUID.class), rs.getString("language"), rs.getString("appointment_type"),
				mode == null ? null : Mode.valueOf(mode),
				new TimeRange(rs.getTimestamp("wanted_from").toInstant(), rs.getTimestamp("wanted_to").toInstant()),
				pathway == null ? null : new PathwayStep(pathway, rs.getObject("step_id", UUID.class)),
				WaitlistEntry.Status.valueOf(rs.getString("status")), rs.getObject("hold_id", UUID.class),
				rs.getInt("lapsed_offers"), rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

}
