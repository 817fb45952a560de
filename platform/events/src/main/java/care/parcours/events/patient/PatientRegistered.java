package care.parcours.events.patient;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A patient record was opened. Nothing but the id: other services refer to the patient by
 * it and never learn who the patient is.
 *
 * @param patientId the patient's id
 */
@EventType("patient.patient.registered.v1")
public record PatientRegistered(UUID patientId) implements PatientEvent {

}
