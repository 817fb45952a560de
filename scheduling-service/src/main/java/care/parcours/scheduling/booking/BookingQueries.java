package care.parcours.scheduling.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.BookedAppointment;
import care.parcours.scheduling.availability.BookedAppointments;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.slots.BusyTimes;
import care.parcours.scheduling.slots.ResourceBooking;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads holds and appointments for the people who look for them and for the features that
 * need a practitioner's or a patient's busy times; it never changes one.
 */
@Repository
public class BookingQueries implements BusyTimes, BookedAppointments {

	private static final String LIVE = "(status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')"
			+ " or (status = 'HELD' and expires_at > ?))";

	private final JdbcClient jdbc;

	BookingQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Booking get(UUID id) {
		return jdbc.sql("select " + Bookings.COLUMNS + " from booking where id = ?")
			.param(id)
			.query(Bookings::map)
			.optional()
			.orElseThrow(() -> new BookingNotFound(id));
	}

	/** Appointments as the filter narrows them, earliest first. */
	Page<Booking> appointments(AppointmentFilter filter, PageQuery page) {
		StringBuilder where = new StringBuilder(" from booking where kind = 'APPOINTMENT'");
		List<Object> params = new ArrayList<>();
		condition(where, params, "practitioner_id = ?", filter.practitionerId());
		condition(where, params, "patient_id = ?", filter.patientId());
		if (filter.partnerId() != null) {
			// Where it takes place, or whose resource it holds (an agency's interpreter).
			where.append(" and (partner_id = ? or id in (select br.booking_id from booking_resource br"
					+ " join resource r on r.id = br.resource_id where r.partner_id = ? and br.live))");
			params.add(filter.partnerId());
			params.add(filter.partnerId());
		}
		condition(where, params, "pathway_id = ?", filter.pathwayId());
		condition(where, params, "status = ?", filter.status() == null ? null : filter.status().name());
		TimeRange startingWithin = filter.startingWithin();
		if (startingWithin != null) {
			where.append(" and lower(during) >= ? and lower(during) < ?");
			params.add(Bookings.ts(startingWithin.start()));
			params.add(Bookings.ts(startingWithin.end()));
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<Booking> content = jdbc
			.sql("select " + Bookings.COLUMNS + where + " order by lower(during), id limit ? offset ?")
			.params(pageParams)
			.query(Bookings::map)
			.list();
		return Page.of(content, page, total);
	}

	/** The patient's live appointments overlapping a range. */
	public List<Booking> patientAppointments(UUID patientId, TimeRange range) {
		return jdbc
			.sql("select " + Bookings.COLUMNS + " from booking where patient_id = ? and kind = 'APPOINTMENT'"
					+ " and status in ('BOOKED', 'CHECKED_IN') and during && tstzrange(?, ?) order by lower(during)")
			.params(patientId, Bookings.ts(range.start()), Bookings.ts(range.end()))
			.query(Bookings::map)
			.list();
	}

	/** The appointments that belong to a chain, whatever their status. */
	public List<UUID> inChain(UUID chainId) {
		return jdbc.sql("select id from booking where chain_id = ? order by id")
			.param(chainId)
			.query(UUID.class)
			.list();
	}

	@Override
	public Map<UUID, List<TimeRange>> busy(Collection<UUID> practitionerIds, TimeRange range, Set<UUID> ignoring,
			Instant now) {
		Map<UUID, List<TimeRange>> busy = new HashMap<>();
		// Besides their own bookings, the times they are taken in another's (an
		// anaesthetist).
		UUID[] ids = practitionerIds.toArray(UUID[]::new);
		jdbc.sql("select practitioner_id, id, lower(during), upper(during) from booking"
				+ " where practitioner_id = any(?) and during && tstzrange(?, ?) and " + LIVE + """
						 union all
						select r.resource_id, r.booking_id, lower(r.during), upper(r.during)
						from unnest(?::uuid[]) c(id)
						join booking_resource r on r.resource_id = c.id and r.live and r.role <> 'practitioner'
						                       and r.during && tstzrange(?, ?)
						join booking b on b.id = r.booking_id and not (b.status = 'HELD' and b.expires_at <= ?)
						order by 3
						""")
			.params(ids, Bookings.ts(range.start()), Bookings.ts(range.end()), Bookings.ts(now), ids,
					Bookings.ts(range.start()), Bookings.ts(range.end()), Bookings.ts(now))
			.query(rs -> {
				if (!ignoring.contains(rs.getObject(2, UUID.class))) {
					busy.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
						.add(new TimeRange(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
				}
			});
		return busy;
	}

	/**
	 * Probes the exclusion constraint's index once per resource ({@code = any} cannot use
	 * a GiST index), so the cost follows the resources asked about, not every booking of
	 * the range.
	 */
	@Override
	public List<ResourceBooking> taken(Collection<UUID> resourceIds, TimeRange range, Set<UUID> ignoring) {
		List<ResourceBooking> taken = new ArrayList<>();
		jdbc.sql("""
				select r.resource_id, b.practitioner_id, r.role, lower(r.during), upper(r.during), lower(b.during),
				       r.booking_id
				from unnest(?::uuid[]) c(id)
				join booking_resource r on r.resource_id = c.id and r.live and r.during && tstzrange(?, ?)
				join booking b on b.id = r.booking_id
				order by lower(r.during)
				""")
			.params(resourceIds.toArray(UUID[]::new), Bookings.ts(range.start()), Bookings.ts(range.end()))
			.query(rs -> {
				if (!ignoring.contains(rs.getObject(7, UUID.class))) {
					taken.add(new ResourceBooking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getString(3),
							new TimeRange(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()),
							rs.getTimestamp(6).toInstant()));
				}
			});
		return taken;
	}

	@Override
	public List<BookedAppointment> upcoming(UUID practitionerId, Instant from) {
		return jdbc.sql("""
				select id, patient_id, lower(during), upper(during), appointment_type, mode from booking
				where practitioner_id = ? and kind = 'APPOINTMENT' and status in ('BOOKED', 'CHECKED_IN')
				  and upper(during) > ?
				order by lower(during)
				""")
			.params(practitionerId, Bookings.ts(from))
			.query((rs, row) -> new BookedAppointment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					new TimeRange(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()), rs.getString(5),
					Mode.valueOf(rs.getString(6))))
			.list();
	}

	private static void condition(StringBuilder where, List<Object> params, String sql, @Nullable Object value) {
		if (value != null) {
			where.append(" and ").append(sql);
			params.add(value);
		}
	}

}
