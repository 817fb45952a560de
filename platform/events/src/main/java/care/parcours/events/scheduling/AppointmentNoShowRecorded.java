package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The patient did not come to the appointment.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId who did not come
 * @param start start (UTC)
 * @param end end (UTC)
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.appointment.no-show-recorded.v1")
public record AppointmentNoShowRecorded(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant start, Instant end, @Nullable UUID stepId) implements SchedulingEvent {

}
