package care.parcours.scheduling.slots;

import java.time.Instant;
import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;

/**
 * A resource taken by a live hold or appointment.
 *
 * @param resourceId the resource
 * @param practitionerId the practitioner of the booking that takes it
 * @param role the role it fills in that booking
 * @param during the time it is held, buffers included
 * @param appointmentStart when that booking's appointment starts (without the buffer)
 */
public record ResourceBooking(UUID resourceId, UUID practitionerId, String role, TimeRange during,
		Instant appointmentStart) {

}
