package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The patient turned down a version of a quote.
 *
 * @param quoteId the quote
 * @param quoteVersion the version turned down
 * @param patientId for whom
 * @param partnerId the partner the quote is from
 * @param rejectedAt when
 * @param stepId the care pathway step it priced, if any
 */
@EventType("billing.quote.rejected.v1")
public record QuoteRejected(UUID quoteId, int quoteVersion, UUID patientId, UUID partnerId, Instant rejectedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
