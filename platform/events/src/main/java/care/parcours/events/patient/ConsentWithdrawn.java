package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A patient withdrew a consent: from {@code withdrawnAt} on, what it allowed is refused.
 * Ids, the purpose's code and times only.
 *
 * @param consentId the consent withdrawn
 * @param patientId whose consent it was
 * @param purpose the purpose's code, as in {@link ConsentGranted}
 * @param partnerId the partner it named, for {@code SHARING_WITH_PARTNER} only
 * @param effectiveFrom from when the consent held (UTC)
 * @param withdrawnAt from when it no longer holds (UTC)
 */
@EventType("patient.consent.withdrawn.v1")
public record ConsentWithdrawn(UUID consentId, UUID patientId, String purpose, @Nullable UUID partnerId,
		Instant effectiveFrom, Instant withdrawnAt) implements PatientEvent {

}
