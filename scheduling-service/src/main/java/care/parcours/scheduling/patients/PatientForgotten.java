package care.parcours.scheduling.patients;

import java.util.UUID;

/**
 * A patient was erased in patient-service: every feature drops what it keeps about them,
 * in the transaction that handles the event (so once, however often it is delivered).
 *
 * @param patientId the patient
 */
public record PatientForgotten(UUID patientId) {

}
