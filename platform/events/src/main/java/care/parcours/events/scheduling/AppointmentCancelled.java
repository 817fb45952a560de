package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An appointment was cancelled; its time is free again.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param start start (UTC)
 * @param end end (UTC)
 * @param reason a reason code such as {@code PATIENT_REQUEST}; free text stays in
 * scheduling-service
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.appointment.cancelled.v1")
public record AppointmentCancelled(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant start, Instant end, String reason, @Nullable UUID stepId) implements SchedulingEvent {

}
