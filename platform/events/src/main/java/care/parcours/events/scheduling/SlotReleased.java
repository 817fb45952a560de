package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A hold ended: released by a coordinator, expired, or confirmed into an appointment.
 *
 * @param holdId the hold
 * @param practitionerId whose slot
 * @param partnerId where the practitioner works
 * @param start start of the slot (UTC)
 * @param end end of the slot (UTC)
 * @param reason {@code RELEASED}, {@code EXPIRED} or {@code CONFIRMED}
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.slot.released.v1")
public record SlotReleased(UUID holdId, UUID practitionerId, UUID partnerId, Instant start, Instant end, String reason,
		@Nullable UUID stepId) implements SchedulingEvent {

}
