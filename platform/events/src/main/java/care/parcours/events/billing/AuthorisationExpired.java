package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An approved prior authorisation lapsed at the end of its validity date: a quote that
 * needs it can no longer be accepted on it.
 *
 * @param authorisationId the authorisation
 * @param quoteId the quote it was requested for
 * @param insurerId the insurer
 * @param policyId the patient's policy with that insurer
 * @param expiredAt when it lapsed
 * @param stepId the care pathway step of the quote, if any
 */
@EventType("billing.authorisation.expired.v1")
public record AuthorisationExpired(UUID authorisationId, UUID quoteId, UUID insurerId, UUID policyId, Instant expiredAt,
		@Nullable UUID stepId) implements BillingEvent {

}
