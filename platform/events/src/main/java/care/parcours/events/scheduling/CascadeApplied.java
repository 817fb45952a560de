package care.parcours.events.scheduling;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A chain of appointments was rescheduled together; each moved appointment has its own
 * {@code scheduling.appointment.rescheduled.v1} with the same {@code cascadeId}.
 *
 * @param cascadeId the cascade
 * @param chainId the chain that moved
 * @param moveId the pathway move it answers, if a pathway asked for it
 * @param movedAppointmentIds the appointments whose time changed
 */
@EventType("scheduling.chain.cascade-applied.v1")
public record CascadeApplied(UUID cascadeId, UUID chainId, @Nullable UUID moveId,
		List<UUID> movedAppointmentIds) implements SchedulingEvent {

}
