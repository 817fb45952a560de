package care.parcours.scheduling.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.BookedAppointment;
import care.parcours.scheduling.availability.BookedAppointments;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.slots.BusyTimes;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All holds and appointments. Updates are checked by version: a row changed since it was
 * read is refused, never overwritten.
 */
@Repository
public class Bookings implements BusyTimes, BookedAppointments {

	static final String LIVE = "(status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')"
			+ " or (status = 'HELD' and expires_at > ?))";

	private static final String COLUMNS = """
			id, kind, status, practitioner_id, partner_id, patient_id, lower(during) as starts, upper(during) as ends,
			mode, appointment_type, expires_at, join_token, cancel_reason, waitlist_entry_id, chain_id, version,
			created_at""";

	private final JdbcClient jdbc;

	Bookings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a booking unless it collides with a live one.
	 * @return whether it was inserted
	 */
	boolean insert(Booking booking, Instant now) {
		SlotClaim claim = booking.claim();
		return jdbc.sql("""
				insert into booking (id, kind, status, practitioner_id, partner_id, patient_id, during, mode,
				                     appointment_type, expires_at, join_token, waitlist_entry_id, version,
				                     created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing
				""")
			.params(booking.id(), booking.kind().name(), booking.status().name(), claim.practitionerId(),
					claim.partnerId(), claim.patientId(), ts(claim.during().start()), ts(claim.during().end()),
					claim.mode().name(), claim.appointmentType(), ts(booking.expiresAt()), booking.joinToken(),
					booking.waitlistEntryId(), booking.version(), ts(booking.createdAt()), ts(now))
			.update() == 1;
	}

	/** Whether a live hold or appointment of the practitioner overlaps the claim. */
	boolean practitionerTaken(SlotClaim claim, Instant now) {
		return jdbc
			.sql("select exists (select 1 from booking where practitioner_id = ? and during && tstzrange(?, ?)"
					+ " and " + LIVE + ")")
			.params(claim.practitionerId(), ts(claim.during().start()), ts(claim.during().end()), ts(now))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Takes appointments out of both overlap checks for the rest of the transaction, so
	 * that a cascade can move them past each other; moving each one back into place
	 * checks it again.
	 */
	void park(List<UUID> ids) {
		jdbc.sql("update booking set status = 'MOVING' where id = any(?) and status = 'BOOKED'")
			.param(ids.toArray(UUID[]::new))
			.update();
	}

	/**
	 * Writes a changed booking over the version it was read at.
	 * @throws StaleVersion when someone changed it in between
	 */
	void update(Booking changed, Instant now) {
		SlotClaim claim = changed.claim();
		int updated = jdbc.sql("""
				update booking set kind = ?, status = ?, during = tstzrange(?, ?), expires_at = ?, join_token = ?,
				       cancel_reason = ?, chain_id = ?, version = ?, updated_at = ?
				where id = ? and version = ?
				""")
			.params(changed.kind().name(), changed.status().name(), ts(claim.during().start()),
					ts(claim.during().end()), ts(changed.expiresAt()), changed.joinToken(),
					changed.cancelReason() == null ? null : changed.cancelReason().name(), changed.chainId(),
					changed.version(), ts(now), changed.id(), changed.version() - 1)
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Booking " + changed.id());
		}
	}

	void saveCancelNote(UUID id, String note) {
		jdbc.sql("update booking set cancel_note = ? where id = ?").params(note, id).update();
	}

	public Optional<Booking> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from booking where id = ?").param(id).query(Bookings::map).optional();
	}

	/** Locks the booking for the rest of the transaction. */
	public Optional<Booking> lock(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from booking where id = ? for update")
			.param(id)
			.query(Bookings::map)
			.optional();
	}

	Optional<Booking> byJoinToken(String token) {
		return jdbc.sql("select " + COLUMNS + " from booking where join_token = ?")
			.param(token)
			.query(Bookings::map)
			.optional();
	}

	/**
	 * Holds past their expiry that still claim the practitioner's time within a range,
	 * locked.
	 */
	List<Booking> lapsedHolds(UUID practitionerId, TimeRange during, Instant now) {
		return jdbc
			.sql("select " + COLUMNS + " from booking where practitioner_id = ? and status = 'HELD'"
					+ " and expires_at <= ? and during && tstzrange(?, ?) for update skip locked")
			.params(practitionerId, ts(now), ts(during.start()), ts(during.end()))
			.query(Bookings::map)
			.list();
	}

	/**
	 * Holds past their expiry, oldest first, locked so that two instances never expire
	 * the same one.
	 */
	List<Booking> dueHolds(Instant now, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from booking where status = 'HELD' and expires_at <= ?"
					+ " order by expires_at limit ? for update skip locked")
			.params(ts(now), limit)
			.query(Bookings::map)
			.list();
	}

	/**
	 * Appointments filtered by any of practitioner, patient, partner, status and start
	 * range.
	 */
	Page<Booking> appointments(@Nullable UUID practitionerId, @Nullable UUID patientId, @Nullable UUID partnerId,
			@Nullable BookingStatus status, @Nullable TimeRange startingWithin, PageQuery page) {
		StringBuilder where = new StringBuilder(" from booking where kind = 'APPOINTMENT'");
		List<Object> params = new ArrayList<>();
		condition(where, params, "practitioner_id = ?", practitionerId);
		condition(where, params, "patient_id = ?", patientId);
		condition(where, params, "partner_id = ?", partnerId);
		condition(where, params, "status = ?", status == null ? null : status.name());
		if (startingWithin != null) {
			where.append(" and lower(during) >= ? and lower(during) < ?");
			params.add(ts(startingWithin.start()));
			params.add(ts(startingWithin.end()));
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<Booking> content = jdbc.sql("select " + COLUMNS + where + " order by lower(during), id limit ? offset ?")
			.params(pageParams)
			.query(Bookings::map)
			.list();
		return Page.of(content, page, total);
	}

	/** The patient's live appointments overlapping a range. */
	public List<Booking> patientAppointments(UUID patientId, TimeRange range) {
		return jdbc
			.sql("select " + COLUMNS + " from booking where patient_id = ? and kind = 'APPOINTMENT'"
					+ " and status in ('BOOKED', 'CHECKED_IN') and during && tstzrange(?, ?) order by lower(during)")
			.params(patientId, ts(range.start()), ts(range.end()))
			.query(Bookings::map)
			.list();
	}

	@Override
	public Map<UUID, List<TimeRange>> busy(Collection<UUID> practitionerIds, TimeRange range, Set<UUID> ignoring,
			Instant now) {
		Map<UUID, List<TimeRange>> busy = new HashMap<>();
		jdbc.sql("select practitioner_id, id, lower(during), upper(during) from booking"
				+ " where practitioner_id = any(?) and during && tstzrange(?, ?) and " + LIVE
				+ " order by lower(during)")
			.params(practitionerIds.toArray(UUID[]::new), ts(range.start()), ts(range.end()), ts(now))
			.query(rs -> {
				if (!ignoring.contains(rs.getObject(2, UUID.class))) {
					busy.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
						.add(new TimeRange(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
				}
			});
		return busy;
	}

	@Override
	public List<BookedAppointment> upcoming(UUID practitionerId, Instant from) {
		return jdbc.sql("""
				select id, patient_id, lower(during), upper(during), appointment_type, mode from booking
				where practitioner_id = ? and kind = 'APPOINTMENT' and status in ('BOOKED', 'CHECKED_IN')
				  and upper(during) > ?
				order by lower(during)
				""")
			.params(practitionerId, ts(from))
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

	private static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Booking map(ResultSet rs, int row) throws SQLException {
		Timestamp expires = rs.getTimestamp("expires_at");
		String reason = rs.getString("cancel_reason");
		SlotClaim claim = new SlotClaim(rs.getObject("practitioner_id", UUID.class),
				rs.getObject("partner_id", UUID.class), rs.getObject("patient_id", UUID.class),
				new TimeRange(rs.getTimestamp("starts").toInstant(), rs.getTimestamp("ends").toInstant()),
				Mode.valueOf(rs.getString("mode")), rs.getString("appointment_type"));
		return new Booking(rs.getObject("id", UUID.class), Booking.Kind.valueOf(rs.getString("kind")),
				BookingStatus.valueOf(rs.getString("status")), claim, expires == null ? null : expires.toInstant(),
				rs.getString("join_token"), reason == null ? null : CancelReason.valueOf(reason),
				rs.getObject("waitlist_entry_id", UUID.class), rs.getObject("chain_id", UUID.class),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

}
