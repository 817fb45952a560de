package care.parcours.scheduling.booking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads which resources bookings take, from {@code booking_resource}, with the partner
 * each belongs to: what events and views name, and what decides which partners a booking
 * concerns. Practitioner first, then by role. A practitioner taken in a role (an
 * anaesthetist) belongs to the booking's partner when they work for it, as they do when
 * chosen.
 */
@Repository
class TakenResources {

	private final JdbcClient jdbc;

	TakenResources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TakenResource> of(UUID bookingId) {
		return of(List.of(bookingId)).getOrDefault(bookingId, List.of());
	}

	/**
	 * The resources of each booking, in one query. A practitioner taken in a role (an
	 * anaesthetist) acts for the booking's partner: their owner is that partner, never
	 * another they work for, which would let it see the booking.
	 */
	Map<UUID, List<TakenResource>> of(Collection<UUID> bookingIds) {
		Map<UUID, List<TakenResource>> taken = new LinkedHashMap<>();
		if (bookingIds.isEmpty()) {
			return taken;
		}
		jdbc.sql("""
				select br.booking_id, br.role, br.resource_id, br.live,
				       case when br.role = ?
				                 or (r.id is null
				                     and exists (select 1 from schedule s where s.practitioner_id = br.resource_id))
				            then b.partner_id
				            else r.partner_id
				       end as owner
				from booking_resource br
				join booking b on b.id = br.booking_id
				left join resource r on r.id = br.resource_id
				where br.booking_id = any(?)
				order by br.booking_id, br.role <> ?, br.role
				""").params(Bookings.PRACTITIONER, bookingIds.toArray(UUID[]::new), Bookings.PRACTITIONER).query(rs -> {
			taken.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
				.add(new TakenResource(rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(5, UUID.class),
						rs.getBoolean(4)));
		});
		return taken;
	}

	/**
	 * The event naming the resources its booking takes, read once per change; events that
	 * name none are left as they are.
	 */
	static SchedulingEvent naming(SchedulingEvent event, List<AppointmentResource> resources) {
		return switch (event) {
			case SlotHeld held -> held.withResources(resources);
			case SlotReleased released -> released.withResources(resources);
			case AppointmentBooked booked -> booked.withResources(resources);
			case AppointmentRescheduled rescheduled -> rescheduled.withResources(resources);
			case AppointmentCancelled cancelled -> cancelled.withResources(resources);
			default -> event;
		};
	}

	/** Whether an event names the resources of its booking. */
	static boolean names(SchedulingEvent event) {
		return event instanceof SlotHeld || event instanceof SlotReleased || event instanceof AppointmentBooked
				|| event instanceof AppointmentRescheduled || event instanceof AppointmentCancelled;
	}

}
