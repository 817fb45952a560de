package care.parcours.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A version of a quote was sent to the patient, who may now accept it until its validity
 * date.
 *
 * @param quoteId the quote
 * @param quoteVersion the version sent, from 1
 * @param patientId for whom
 * @param partnerId the partner the quote is from
 * @param currency ISO 4217 code of every amount
 * @param totalAmount what the version costs, taxes included, such as {@code "12450.00"}
 * @param insurersAmount what the patient's insurers are expected to pay of it
 * @param patientAmount what the patient is expected to pay: the total less the insurers'
 * share
 * @param validUntil the last day the patient may accept it
 * @param sentAt when it was sent
 * @param stepId the care pathway step it prices, if any (the envelope carries the
 * pathway)
 */
@EventType("billing.quote.sent.v1")
public record QuoteSent(UUID quoteId, int quoteVersion, UUID patientId, UUID partnerId, String currency,
		String totalAmount, String insurersAmount, String patientAmount, LocalDate validUntil, Instant sentAt,
		@Nullable UUID stepId) implements BillingEvent {

}
