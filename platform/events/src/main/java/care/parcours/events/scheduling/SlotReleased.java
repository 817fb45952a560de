package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
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
 * @param resources every resource it takes (or took, once ended), its practitioner
 * included, each once; absent from events published before resources other than
 * practitioners could be booked
 */
@EventType("scheduling.slot.released.v1")
public record SlotReleased(UUID holdId, UUID practitionerId, UUID partnerId, Instant start, Instant end, String reason,
		@Nullable UUID stepId, @Nullable List<AppointmentResource> resources) implements SchedulingEvent {

	/** The event without its resources, as published before they were named. */
	public SlotReleased(UUID holdId, UUID practitionerId, UUID partnerId, Instant start, Instant end, String reason,
			@Nullable UUID stepId) {
		this(holdId, practitionerId, partnerId, start, end, reason, stepId, null);
	}

	/** The same event naming the resources it takes. */
	public SlotReleased withResources(List<AppointmentResource> taken) {
		return new SlotReleased(holdId, practitionerId, partnerId, start, end, reason, stepId, List.copyOf(taken));
	}

}
