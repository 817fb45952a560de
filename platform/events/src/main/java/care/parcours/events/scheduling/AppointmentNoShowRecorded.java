package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * The patient did not come to the appointment.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId who did not come
 * @param start start (UTC)
 * @param end end (UTC)
 */
@EventType("scheduling.appointment.no-show-recorded.v1")
public record AppointmentNoShowRecorded(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant start, Instant end) implements SchedulingEvent {

}
