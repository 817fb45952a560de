package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * The patient accepted a version of a quote: the one invoices will start from. Published
 * once, however often the acceptance is repeated.
 *
 * @param quoteId the quote
 * @param quoteVersion the version accepted
 * @param patientId for whom
 * @param partnerId the partner the quote is from
 * @param currency ISO 4217 code of every amount
 * @param totalAmount what the version costs, taxes included
 * @param insurersAmount what the patient's insurers pay of it, approved authorisations
 * applied
 * @param patientAmount what the patient pays
 * @param acceptedAt when
 * @param stepId the care pathway step it prices, if any
 */
@EventType("billing.quote.accepted.v1")
public record QuoteAccepted(UUID quoteId, int quoteVersion, UUID patientId, UUID partnerId, String currency,
		String totalAmount, String insurersAmount, String patientAmount, Instant acceptedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
