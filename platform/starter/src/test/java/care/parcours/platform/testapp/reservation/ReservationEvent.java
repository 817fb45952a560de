package care.parcours.platform.testapp.reservation;

import java.time.LocalDate;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventType;
import care.parcours.events.Topic;

/**
 * What reservations announce. A real service's family lives in {@code platform/events},
 * one sealed interface per producing service, with a JSON Schema per record; events carry
 * ids, codes and dates, never personal data.
 */
@Topic(ReservationEvent.TOPIC)
public sealed interface ReservationEvent extends DomainEvent
		permits ReservationEvent.ReservationPlaced, ReservationEvent.ReservationCancelled {

	String TOPIC = "parcours.platformtest.reservations.v1";

	@EventType("platformtest.reservation.placed.v1")
	record ReservationPlaced(UUID reservationId, UUID thingId, LocalDate day) implements ReservationEvent {

	}

	@EventType("platformtest.reservation.cancelled.v1")
	record ReservationCancelled(UUID reservationId, UUID thingId, LocalDate day) implements ReservationEvent {

	}

}
