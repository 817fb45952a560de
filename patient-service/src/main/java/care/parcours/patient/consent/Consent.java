package care.parcours.patient.consent;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.patient.ConsentGranted;
import care.parcours.events.patient.ConsentWithdrawn;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * A patient's consent to one purpose: granted from a time, and perhaps withdrawn from a
 * later one. Withdrawal ends a consent for good; consenting again is a new consent, so
 * the history of what held when is never rewritten.
 *
 * @param id the consent's id
 * @param patientId whose consent
 * @param purpose what it allows
 * @param partnerId the partner it names, for {@link ConsentPurpose#SHARING_WITH_PARTNER}
 * only
 * @param grant how, by whom and when it was given
 * @param withdrawal how, by whom and when it was withdrawn, if it was
 * @param version 0 once granted, 1 once withdrawn
 */
public record Consent(UUID id, UUID patientId, ConsentPurpose purpose, @Nullable UUID partnerId, Statement grant,
		@Nullable Statement withdrawal, long version) {

	/**
	 * A consent given, or withdrawn.
	 *
	 * @param method how the patient expressed it
	 * @param effectiveAt from when it holds (a grant) or no longer holds (a withdrawal)
	 * @param recordedBy the login of whoever recorded it
	 * @param recordedAt when it was recorded
	 */
	public record Statement(ConsentMethod method, Instant effectiveAt, String recordedBy, Instant recordedAt) {

	}

	/**
	 * Records a consent.
	 * @param effectiveFrom from when it holds: now, or when the patient signed, or later
	 * @throws InvalidRequestException when a partner is missing for a sharing consent, or
	 * named for another purpose
	 */
	public static Consent grant(UUID id, UUID patientId, ConsentPurpose purpose, @Nullable UUID partnerId,
			ConsentMethod method, Instant effectiveFrom, String recordedBy, Instant now) {
		if (purpose.namesPartner() && partnerId == null) {
			throw InvalidRequestException.ofField("partnerId", "is required for SHARING_WITH_PARTNER");
		}
		if (!purpose.namesPartner() && partnerId != null) {
			throw InvalidRequestException.ofField("partnerId", "is only for SHARING_WITH_PARTNER");
		}
		return new Consent(id, patientId, purpose, partnerId, new Statement(method, effectiveFrom, recordedBy, now),
				null, 0);
	}

	/**
	 * Ends the consent from {@code withdrawnAt}.
	 * @throws ConsentAlreadyWithdrawn when it was withdrawn before
	 * @throws InvalidRequestException when {@code withdrawnAt} is still to come
	 * @throws WithdrawalBeforeGrant when {@code withdrawnAt} precedes the time the
	 * consent took effect
	 */
	public Consent withdraw(ConsentMethod method, Instant withdrawnAt, String recordedBy, Instant now) {
		if (withdrawal != null) {
			throw new ConsentAlreadyWithdrawn(id, withdrawal.effectiveAt());
		}
		if (withdrawnAt.isAfter(now)) {
			throw InvalidRequestException.ofField("withdrawnAt", "must not be in the future");
		}
		if (withdrawnAt.isBefore(grant.effectiveAt())) {
			throw new WithdrawalBeforeGrant(id, grant.effectiveAt());
		}
		return new Consent(id, patientId, purpose, partnerId, grant,
				new Statement(method, withdrawnAt, recordedBy, now), version + 1);
	}

	/** Whether the consent holds at {@code at}: in effect, and not withdrawn by then. */
	public boolean isCurrentAt(Instant at) {
		return !grant.effectiveAt().isAfter(at) && (withdrawal == null || at.isBefore(withdrawal.effectiveAt()));
	}

	/** Whether it lets the given partner read the patient's record at {@code at}. */
	public boolean allowsSharingWith(UUID partner, Instant at) {
		return purpose == ConsentPurpose.SHARING_WITH_PARTNER && partner.equals(partnerId) && isCurrentAt(at);
	}

	public ConsentGranted granted() {
		return new ConsentGranted(id, patientId, purpose.name(), partnerId, grant.effectiveAt(), grant.recordedAt());
	}

	/**
	 * @throws IllegalStateException when the consent has not been withdrawn
	 */
	public ConsentWithdrawn withdrawn() {
		if (withdrawal == null) {
			throw new IllegalStateException("Consent " + id + " has not been withdrawn");
		}
		return new ConsentWithdrawn(id, patientId, purpose.name(), partnerId, grant.effectiveAt(),
				withdrawal.effectiveAt());
	}

	/** A consent is withdrawn once; consenting again is a new consent. */
	static final class ConsentAlreadyWithdrawn extends ConflictException {

		ConsentAlreadyWithdrawn(UUID id, Instant withdrawnAt) {
			super("consent-already-withdrawn", "Consent " + id + " was withdrawn at " + withdrawnAt
					+ "; record a new consent if the patient consents again.");
		}

	}

	/** A consent cannot end before it began. */
	static final class WithdrawalBeforeGrant extends RuleViolationException {

		WithdrawalBeforeGrant(UUID id, Instant effectiveFrom) {
			super("withdrawal-before-grant",
					"Consent " + id + " took effect at " + effectiveFrom + "; it cannot be withdrawn before that.");
		}

	}

}
