package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The patient arrived (or joined the teleconsultation).
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId who arrived
 * @param checkedInAt when (UTC)
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.appointment.checked-in.v1")
public record AppointmentCheckedIn(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant checkedInAt, @Nullable UUID stepId) implements SchedulingEvent {

}
