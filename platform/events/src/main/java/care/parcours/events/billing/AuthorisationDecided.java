package care.parcours.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An insurer decided on a prior authorisation requested for a quote.
 *
 * @param authorisationId the authorisation
 * @param quoteId the quote it was requested for
 * @param quoteVersion the version of the quote it was requested for
 * @param insurerId who decided
 * @param policyId the patient's policy with that insurer
 * @param outcome {@code APPROVED} or {@code REFUSED}
 * @param currency ISO 4217 code of the amounts
 * @param requestedAmount what the insurer was asked to cover
 * @param approvedAmount what it agreed to cover, when approved
 * @param validUntil the last day an approval can be relied on, when approved
 * @param decidedAt when the decision was recorded
 * @param stepId the care pathway step of the quote, if any
 */
@EventType("billing.authorisation.decided.v1")
public record AuthorisationDecided(UUID authorisationId, UUID quoteId, int quoteVersion, UUID insurerId, UUID policyId,
		String outcome, String currency, String requestedAmount, @Nullable String approvedAmount,
		@Nullable LocalDate validUntil, Instant decidedAt, @Nullable UUID stepId) implements BillingEvent {

}
