package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Money was paid back on an invoice (a deposit for care that did not take place, or what
 * was paid beyond a credit note).
 *
 * @param refundId the refund
 * @param invoiceId the invoice it is paid back on
 * @param paymentId the payment it returns, if it returns one
 * @param patientId for whom the invoice is
 * @param partnerId the partner that issued the invoice
 * @param currency ISO 4217 code of the amounts
 * @param amount what was paid back, positive
 * @param balanceAmount what remains due on the invoice afterwards
 * @param refundedAt when it was paid back
 * @param stepId the care pathway step of the invoice, if any
 */
@EventType("billing.payment.refunded.v1")
public record PaymentRefunded(UUID refundId, UUID invoiceId, @Nullable UUID paymentId, UUID patientId, UUID partnerId,
		String currency, String amount, String balanceAmount, Instant refundedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
