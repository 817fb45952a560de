package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A patient consented to a purpose. Ids, the purpose's code and times only: who recorded
 * it, how, and anything about the patient stay in patient-service.
 *
 * @param consentId the consent
 * @param patientId who consented
 * @param purpose {@code CARE_COORDINATION}, {@code SHARING_WITH_PARTNER},
 * {@code RESEARCH}, {@code CONTACT_BY_EMAIL} or {@code CONTACT_BY_MESSAGE}
 * @param partnerId the partner the patient agreed to share with, for
 * {@code SHARING_WITH_PARTNER} only
 * @param effectiveFrom from when the consent holds (UTC)
 * @param recordedAt when it was recorded (UTC)
 */
@EventType("patient.consent.granted.v1")
public record ConsentGranted(UUID consentId, UUID patientId, String purpose, @Nullable UUID partnerId,
		Instant effectiveFrom, Instant recordedAt) implements PatientEvent {

}
