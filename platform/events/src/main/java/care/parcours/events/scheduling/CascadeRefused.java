package care.parcours.events.scheduling;

import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A pathway's move could not be applied; nothing moved.
 *
 * @param moveId the pathway move it answers
 * @param appointmentId the appointment that could not move, when one is to blame
 * @param reason {@code NO_SLOT} (no time within the rules and availability),
 * {@code NOT_BOOKED} (an appointment is no longer booked), {@code NOT_FOUND} (an
 * appointment is unknown), {@code OTHER_PATIENT} or {@code INVALID_LINKS}
 */
@EventType("scheduling.chain.cascade-refused.v1")
public record CascadeRefused(UUID moveId, @Nullable UUID appointmentId, String reason) implements SchedulingEvent {

}
