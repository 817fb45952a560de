package care.parcours.scheduling.booking;

import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * What a list of appointments is narrowed to; each part left null narrows nothing.
 *
 * @param practitionerId the practitioner seen
 * @param patientId the patient seen
 * @param partnerId the organisation where, or whose resource (a room, an interpreter) it
 * holds
 * @param pathwayId the care pathway whose steps they were booked for
 * @param status where they stand
 * @param startingWithin when they start
 */
record AppointmentFilter(@Nullable UUID practitionerId, @Nullable UUID patientId, @Nullable UUID partnerId,
		@Nullable UUID pathwayId, @Nullable BookingStatus status, @Nullable TimeRange startingWithin) {

}
