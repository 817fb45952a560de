package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A patient's record was erased (GDPR, by crypto-shredding): patient-service can no
 * longer read who the patient was, and keeps the id only as a tombstone. Other services
 * drop whatever they keep about the patient; references by id (appointments, invoices)
 * stay valid.
 *
 * @param patientId the patient's id
 * @param erasedAt when the record was erased
 */
@EventType("patient.patient.erased.v1")
public record PatientErased(UUID patientId, Instant erasedAt) implements PatientEvent {

}
