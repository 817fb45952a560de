package care.parcours.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A sent version of a quote was not accepted by its validity date and lapsed by itself.
 *
 * @param quoteId the quote
 * @param quoteVersion the version that lapsed
 * @param patientId for whom
 * @param partnerId the partner the quote is from
 * @param validUntil the last day it could have been accepted
 * @param expiredAt when it lapsed
 * @param stepId the care pathway step it priced, if any
 */
@EventType("billing.quote.expired.v1")
public record QuoteExpired(UUID quoteId, int quoteVersion, UUID patientId, UUID partnerId, LocalDate validUntil,
		Instant expiredAt, @Nullable UUID stepId) implements BillingEvent {

}
