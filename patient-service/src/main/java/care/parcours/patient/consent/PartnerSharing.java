package care.parcours.patient.consent;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ForbiddenException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a patient's record may be shared with a partner: only while a consent to
 * {@link ConsentPurpose#SHARING_WITH_PARTNER} naming that partner holds.
 */
@Component
public class PartnerSharing {

	private final Consents consents;

	private final Clock clock;

	PartnerSharing(Consents consents, Clock clock) {
		this.consents = consents;
		this.clock = clock;
	}

	/** Whether a current consent lets the partner read the patient's record. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean allows(UUID patientId, UUID partnerId) {
		return consents.sharingWith(patientId, partnerId)
			.stream()
			.anyMatch(consent -> consent.allowsSharingWith(partnerId, clock.instant()));
	}

	/**
	 * The refusal of a partner's read without consent: it names the consent that would
	 * allow it, and nothing of the patient.
	 */
	public static final class ConsentRequired extends ForbiddenException {

		public ConsentRequired(UUID patientId, UUID partnerId) {
			super("consent-required",
					"Patient " + patientId + " has no current consent to share the record with partner " + partnerId
							+ ": a consent to SHARING_WITH_PARTNER naming it is required.",
					Map.of("purpose", ConsentPurpose.SHARING_WITH_PARTNER.name(), "partnerId", partnerId));
		}

	}

}
