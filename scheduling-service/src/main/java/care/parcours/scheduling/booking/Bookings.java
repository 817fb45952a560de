package care.parcours.scheduling.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All holds and appointments, each written with the events of its change. Updates are
 * checked by version: a row changed since it was read is refused, never overwritten.
 */
@Repository
public class Bookings {

	/** The role of a booking's own practitioner among the resources it takes. */
	static final String PRACTITIONER = RequiredRole.PRACTITIONER;

	static final String COLUMNS = """
			id, kind, status, practitioner_id, partner_id, patient_id, lower(during) as starts, upper(during) as ends,
			mode, appointment_type, pathway_id, step_id, expires_at, join_token, cancel_reason, waitlist_entry_id,
			chain_id, version, created_at""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final TakenResources taken;

	Bookings(JdbcClient jdbc, Outbox outbox, TakenResources taken) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.taken = taken;
	}

	/**
	 * Adds a new booking with its events. The database's exclusion constraints refuse one
	 * that overlaps a live booking of the practitioner, or an appointment of the patient.
	 */
	List<TakenResource> add(Booking.Change added) {
		return add(added, List.of());
	}

	/**
	 * Adds a new booking taking other resources as well as its practitioner; the
	 * {@code booking_resource} table's exclusion constraint refuses any of them taken at
	 * the time, and with it the whole booking.
	 * @return every resource it takes, its practitioner first, as its events name them
	 */
	List<TakenResource> add(Booking.Change added, List<HeldResource> others) {
		Booking booking = added.booking();
		SlotClaim claim = booking.claim();
		jdbc.sql("""
				insert into booking (id, kind, status, practitioner_id, partner_id, patient_id, during, mode,
				                     appointment_type, pathway_id, step_id, expires_at, join_token, waitlist_entry_id,
				                     version, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(booking.id(), booking.kind().name(), booking.status().name(), claim.practitionerId(),
					claim.partnerId(), claim.patientId(), ts(claim.during().start()), ts(claim.during().end()),
					claim.mode().name(), claim.appointmentType(), booking.pathwayId(), booking.stepId(),
					ts(booking.expiresAt()), booking.joinToken(), booking.waitlistEntryId(), booking.version(),
					ts(booking.createdAt()), ts(booking.createdAt()))
			.update();
		take(booking, new HeldResource(PRACTITIONER, claim.practitionerId(), Duration.ZERO, Duration.ZERO, true));
		others.forEach(other -> take(booking, other));
		// The practitioner's row is known as written; other resources' partners are read.
		List<TakenResource> resources = others.isEmpty() ? List.of(new TakenResource(PRACTITIONER,
				claim.practitionerId(), claim.partnerId(), booking.status().takesTime())) : taken.of(booking.id());
		announce(added, resources.stream().map(TakenResource::named).toList());
		return resources;
	}

	private void take(Booking booking, HeldResource resource) {
		TimeRange during = resource.around(booking.during());
		jdbc.sql("""
				insert into booking_resource (booking_id, role, resource_id, buffer_before, buffer_after, during, live)
				values (?, ?, ?, make_interval(secs => ?), make_interval(secs => ?), tstzrange(?, ?), ?)
				""")
			.params(booking.id(), resource.role(), resource.resourceId(), resource.bufferBefore().toSeconds(),
					resource.bufferAfter().toSeconds(), ts(during.start()), ts(during.end()),
					booking.status().takesTime())
			.update();
	}

	/**
	 * The resources a booking takes besides its practitioner, in the order of its roles;
	 * those with a schedule are practitioners taken in a role.
	 */
	List<HeldResource> othersOf(UUID bookingId) {
		return jdbc.sql("""
				select r.role, r.resource_id, extract(epoch from r.buffer_before)::bigint,
				       extract(epoch from r.buffer_after)::bigint,
				       exists (select 1 from schedule s where s.practitioner_id = r.resource_id)
				from booking_resource r where r.booking_id = ? and r.role <> ? order by lower(r.during), r.role
				""")
			.params(bookingId, PRACTITIONER)
			.query((rs, n) -> new HeldResource(rs.getString(1), rs.getObject(2, UUID.class),
					Duration.ofSeconds(rs.getLong(3)), Duration.ofSeconds(rs.getLong(4)), rs.getBoolean(5)))
			.list();
	}

	/**
	 * Whether a resource is taken by a live booking, other than those {@code except}, at
	 * some time of the range; a hold lapsed by {@code now} takes nothing, expired or not
	 * yet.
	 */
	boolean isTaken(UUID resourceId, TimeRange during, Collection<UUID> except, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from booking_resource r join booking b on b.id = r.booking_id
				               where r.resource_id = ? and r.live and r.during && tstzrange(?, ?)
				                 and r.booking_id <> all(?::uuid[])
				                 and not (b.status = 'HELD' and b.expires_at <= ?))
				""")
			.params(resourceId, ts(during.start()), ts(during.end()),
					except.stream().map(UUID::toString).toArray(String[]::new), ts(now))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a practitioner is taken at some time of the range in a role of another's
	 * live booking (an anaesthetist's surgery), a hold lapsed by {@code now} taking
	 * nothing: what refuses the practitioner's own booking at
	 * {@code booking_resource_free} rather than {@code booking_practitioner_free}.
	 */
	boolean isTakenInRole(UUID practitionerId, TimeRange during, Instant now) {
		return jdbc.sql("""
				select exists (select 1 from booking_resource r join booking b on b.id = r.booking_id
				               where r.resource_id = ? and r.live and r.role <> ? and r.during && tstzrange(?, ?)
				                 and not (b.status = 'HELD' and b.expires_at <= ?))
				""")
			.params(practitionerId, PRACTITIONER, ts(during.start()), ts(during.end()), ts(now))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Gives a booking's role another resource, at the booking's new time: both in one
	 * statement, since the new resource may be taken at the old time.
	 */
	void exchange(UUID bookingId, HeldResource resource, TimeRange during) {
		jdbc.sql("""
				update booking_resource
				set resource_id = ?, during = tstzrange(?::timestamptz - buffer_before, ?::timestamptz + buffer_after)
				where booking_id = ? and role = ?
				""")
			.params(resource.resourceId(), ts(during.start()), ts(during.end()), bookingId, resource.role())
			.update();
	}

	/**
	 * The candidate free over {@code held} that the claim's practitioner already holds in
	 * the same role nearest in time on the claim's day (in the practitioner's zone), so
	 * that a day's appointments keep one room; else the first free in the candidates'
	 * order. One query whatever the number of candidates, as slot search's
	 * {@code RoleFill}. The bookings {@code ignoring} (a booking moving, a chain moving
	 * together) and holds lapsed by {@code now} take nothing.
	 */
	Optional<UUID> firstFree(List<UUID> candidates, Set<UUID> excluded, String role, TimeRange held, SlotClaim claim,
			Collection<UUID> ignoring, Instant now) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Timestamp start = ts(claim.during().start());
		return jdbc
			.sql("""
					with held as (
					    select r.resource_id, min(abs(extract(epoch from lower(b.during) - ?::timestamptz))) as gap
					    from booking b
					    join schedule s on s.practitioner_id = b.practitioner_id
					    join booking_resource r on r.booking_id = b.id and r.role = ? and r.live
					    where b.practitioner_id = ?
					      and b.during && tstzrange(?::timestamptz - interval '2 days', ?::timestamptz + interval '2 days')
					      and (lower(b.during) at time zone s.time_zone)::date = (?::timestamptz at time zone s.time_zone)::date
					    group by r.resource_id)
					select c.id from unnest(?::uuid[]) with ordinality c(id, n)
					left join held h on h.resource_id = c.id
					where c.id <> all(?::uuid[])
					  and not exists (select 1 from booking_resource r join booking b on b.id = r.booking_id
					                  where r.resource_id = c.id and r.live and r.during && tstzrange(?, ?)
					                    and r.booking_id <> all(?::uuid[])
					                    and not (b.status = 'HELD' and b.expires_at <= ?))
					order by h.gap nulls last, c.n
					limit 1
					""")
			.params(start, role, claim.practitionerId(), start, start, start, candidates.toArray(UUID[]::new),
					excluded.toArray(UUID[]::new), ts(held.start()), ts(held.end()),
					ignoring.stream().map(UUID::toString).toArray(String[]::new), ts(now))
			.query(UUID.class)
			.optional();
	}

	/** Keeps the resources' rows in step with their booking's time and status. */
	private void follow(Booking booking) {
		jdbc.sql("""
				update booking_resource
				set during = tstzrange(?::timestamptz - buffer_before, ?::timestamptz + buffer_after), live = ?
				where booking_id = ?
				""")
			.params(ts(booking.during().start()), ts(booking.during().end()), booking.status().takesTime(),
					booking.id())
			.update();
	}

	/**
	 * Writes an appointment parked by a cascade (see {@link Booking#park}) over the same
	 * version.
	 * @throws StaleVersion when someone changed it in between
	 */
	void park(Booking parked) {
		int updated = jdbc.sql("update booking set status = ? where id = ? and version = ?")
			.params(parked.status().name(), parked.id(), parked.version())
			.update();
		refuseStale(updated, parked);
		follow(parked);
	}

	/**
	 * Writes a changed booking over the version it was read at, with its events.
	 * @throws ConflictException when someone changed it in between
	 */
	void save(Booking.Change change, Instant now) {
		Booking changed = change.booking();
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
		refuseStale(updated, changed);
		follow(changed);
		announce(change);
	}

	void saveCancelNote(UUID id, String note) {
		jdbc.sql("update booking set cancel_note = ? where id = ?").params(note, id).update();
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
	 * theirs or another's taking them in a role, locked.
	 */
	List<Booking> lapsedHolds(UUID practitionerId, TimeRange during, Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				 from booking
				where status = 'HELD' and expires_at <= ?
				  and ((practitioner_id = ? and during && tstzrange(?, ?))
				       or id in (select booking_id from booking_resource
				                 where live and role <> 'practitioner' and resource_id = ?
				                   and during && tstzrange(?, ?)))
				for update skip locked
				""")
			.params(ts(now), practitionerId, ts(during.start()), ts(during.end()), practitionerId, ts(during.start()),
					ts(during.end()))
			.query(Bookings::map)
			.list();
	}

	/**
	 * Holds past their expiry that still claim the practitioner's time within a range
	 * (theirs or another's taking them in a role), or one of the resources within
	 * {@code around} (the range widened by the longest buffers), locked.
	 */
	List<Booking> lapsedHolds(UUID practitionerId, TimeRange during, List<UUID> resources, TimeRange around,
			Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				 from booking
				where status = 'HELD' and expires_at <= ?
				  and ((practitioner_id = ? and during && tstzrange(?, ?))
				       or id in (select booking_id from booking_resource
				                 where live and resource_id = any(?::uuid[]) and during && tstzrange(?, ?))
				       or id in (select booking_id from booking_resource
				                 where live and role <> 'practitioner' and resource_id = ?
				                   and during && tstzrange(?, ?)))
				for update skip locked
				""")
			.params(ts(now), practitionerId, ts(during.start()), ts(during.end()),
					resources.stream().map(UUID::toString).toArray(String[]::new), ts(around.start()), ts(around.end()),
					practitionerId, ts(during.start()), ts(during.end()))
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

	private void announce(Booking.Change change) {
		announce(change, null);
	}

	/**
	 * Publishes the change's events, those about its time naming every resource the
	 * booking takes, as they stand after the change.
	 * @param known those resources when known without reading them
	 */
	private void announce(Booking.Change change, @Nullable List<AppointmentResource> known) {
		Booking booking = change.booking();
		List<AppointmentResource> resources = known;
		for (SchedulingEvent event : change.events()) {
			if (TakenResources.names(event)) {
				if (resources == null) {
					resources = taken.of(booking.id()).stream().map(TakenResource::named).toList();
				}
				event = TakenResources.naming(event, resources);
			}
			outbox.publish(event, booking.id(), booking.version(), booking.pathwayId());
		}
	}

	private static void refuseStale(int updated, Booking changed) {
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Booking " + changed.id());
		}
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Booking map(ResultSet rs, int row) throws SQLException {
		Timestamp expires = rs.getTimestamp("expires_at");
		UUID pathway = rs.getObject("pathway_id", UUID.class);
		String reason = rs.getString("cancel_reason");
		SlotClaim claim = new SlotClaim(rs.getObject("practitioner_id", UUID.class),
				rs.getObject("partner_id", UUID.class), rs.getObject("patient_id", UUID.class),
				new TimeRange(rs.getTimestamp("starts").toInstant(), rs.getTimestamp("ends").toInstant()),
				Mode.valueOf(rs.getString("mode")), rs.getString("appointment_type"));
		return new Booking(rs.getObject("id", UUID.class), Booking.Kind.valueOf(rs.getString("kind")),
				BookingStatus.valueOf(rs.getString("status")), claim,
				pathway == null ? null : new PathwayStep(pathway, rs.getObject("step_id", UUID.class)),
				expires == null ? null : expires.toInstant(), rs.getString("join_token"),
				reason == null ? null : CancelReason.valueOf(reason), rs.getObject("waitlist_entry_id", UUID.class),
				rs.getObject("chain_id", UUID.class), rs.getLong("version"), rs.getTimestamp("created_at").toInstant());
	}

}
