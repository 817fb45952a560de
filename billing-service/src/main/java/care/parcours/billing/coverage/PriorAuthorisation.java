package care.parcours.billing.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.events.billing.AuthorisationDecided;
import care.parcours.events.billing.AuthorisationExpired;
import care.parcours.events.billing.BillingEvent;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An insurer's prior agreement to cover its share of a quote: requested for the quote's
 * latest version, then approved up to an amount until a date, or refused; an approval
 * lapses after its date. Every change returns the authorisation after it and its events.
 *
 * @param id the authorisation
 * @param quoteId the quote
 * @param quoteVersion the quote's version it was requested for
 * @param pathwayId the quote's care pathway
 * @param stepId the quote's step, if any
 * @param policyId the patient's policy
 * @param insurerId its insurer
 * @param status where it stands
 * @param requested what the insurer was asked to cover: its share of that version
 * @param approved what it agreed to cover, once approved
 * @param validUntil the last day an approval holds
 * @param expiresAt the instant it lapses
 * @param requestedAt when it was requested
 * @param decidedAt when the insurer's answer was recorded
 * @param version counts changes (ETag)
 */
public record PriorAuthorisation(UUID id, UUID quoteId, int quoteVersion, UUID pathwayId, @Nullable UUID stepId,
		UUID policyId, UUID insurerId, AuthorisationStatus status, Money requested, @Nullable Money approved,
		@Nullable LocalDate validUntil, @Nullable Instant expiresAt, Instant requestedAt, @Nullable Instant decidedAt,
		long version) {

	/** An authorisation after a change, and what to announce. */
	public record Change(PriorAuthorisation authorisation, List<BillingEvent> events) {

	}

	static PriorAuthorisation request(UUID id, UUID quoteId, int quoteVersion, UUID pathwayId, @Nullable UUID stepId,
			UUID policyId, UUID insurerId, Money requested, Instant now) {
		return new PriorAuthorisation(id, quoteId, quoteVersion, pathwayId, stepId, policyId, insurerId,
				AuthorisationStatus.REQUESTED, requested, null, null, null, now, null, 0);
	}

	/**
	 * The insurer agreed to cover up to {@code amount}, at most what was requested, until
	 * {@code validUntil} included (which ends at {@code expiresAt}).
	 */
	Change approve(Money amount, LocalDate validUntil, Instant expiresAt, Instant now) {
		requireRequested("approved");
		if (!amount.currency().equals(requested.currency())) {
			throw new RuleViolationException("approval-currency",
					"The approved amount must be in " + requested.currency() + ", as requested.");
		}
		if (amount.isNegative() || requested.minus(amount).isNegative()) {
			throw new RuleViolationException("approval-out-of-range",
					"The approved amount must be between 0 and the " + requested + " requested.");
		}
		if (!expiresAt.isAfter(now)) {
			throw new RuleViolationException("approval-expired",
					"An approval valid until " + validUntil + " has lapsed already.");
		}
		PriorAuthorisation approvedOne = new PriorAuthorisation(id, quoteId, quoteVersion, pathwayId, stepId, policyId,
				insurerId, AuthorisationStatus.APPROVED, requested, amount, validUntil, expiresAt, requestedAt, now,
				version + 1);
		return new Change(approvedOne, List.of(approvedOne.decided()));
	}

	Change refuse(Instant now) {
		requireRequested("refused");
		PriorAuthorisation refused = new PriorAuthorisation(id, quoteId, quoteVersion, pathwayId, stepId, policyId,
				insurerId, AuthorisationStatus.REFUSED, requested, null, null, null, requestedAt, now, version + 1);
		return new Change(refused, List.of(refused.decided()));
	}

	Change expire(Instant now) {
		if (status != AuthorisationStatus.APPROVED || expiresAt == null || now.isBefore(expiresAt)) {
			throw new InvalidTransition(this, "expired");
		}
		PriorAuthorisation expired = new PriorAuthorisation(id, quoteId, quoteVersion, pathwayId, stepId, policyId,
				insurerId, AuthorisationStatus.EXPIRED, requested, approved, validUntil, expiresAt, requestedAt,
				decidedAt, version + 1);
		return new Change(expired, List.of(new AuthorisationExpired(id, quoteId, insurerId, policyId, now, stepId)));
	}

	/**
	 * Whether it lets the patient accept a quote whose insurer share is {@code share}.
	 */
	public boolean covers(Money share, Instant now) {
		return status == AuthorisationStatus.APPROVED && approved != null && expiresAt != null
				&& now.isBefore(expiresAt) && approved.currency().equals(share.currency())
				&& !approved.minus(share).isNegative();
	}

	private void requireRequested(String change) {
		if (status != AuthorisationStatus.REQUESTED) {
			throw new InvalidTransition(this, change);
		}
	}

	private AuthorisationDecided decided() {
		return new AuthorisationDecided(id, quoteId, quoteVersion, insurerId, policyId, status.name(),
				requested.currency().getCurrencyCode(), requested.amount().toPlainString(),
				approved == null ? null : approved.amount().toPlainString(), validUntil, decidedAt, stepId);
	}

	/** The authorisation's status does not allow the change. */
	public static final class InvalidTransition extends ConflictException {

		InvalidTransition(PriorAuthorisation authorisation, String change) {
			super("invalid-transition", "Authorisation " + authorisation.id() + " is " + authorisation.status()
					+ "; it cannot be " + change + ".");
		}

	}

}
