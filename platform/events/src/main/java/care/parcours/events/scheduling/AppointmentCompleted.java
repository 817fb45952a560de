package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The appointment took place.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param completedAt when (UTC)
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.appointment.completed.v1")
public record AppointmentCompleted(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant completedAt, @Nullable UUID stepId) implements SchedulingEvent {

}
