package care.parcours.scheduling.availability;

import java.util.UUID;

/**
 * An appointment a practitioner has, as availability changes must account for it.
 *
 * @param id the appointment
 * @param patientId for whom
 * @param during when
 * @param appointmentType its type code
 * @param mode where it takes place
 */
public record BookedAppointment(UUID id, UUID patientId, TimeRange during, String appointmentType, Mode mode) {

}
