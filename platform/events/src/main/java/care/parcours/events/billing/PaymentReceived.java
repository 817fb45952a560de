package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A payment was recorded against an invoice, once per external reference however often it
 * is reported.
 *
 * @param paymentId the payment
 * @param invoiceId the invoice it pays
 * @param patientId for whom the invoice is
 * @param partnerId the partner that issued the invoice
 * @param method {@code CARD}, {@code TRANSFER} or {@code INSURER_SETTLEMENT}
 * @param insurerId the insurer that paid, for an insurer's settlement
 * @param currency ISO 4217 code of the amounts
 * @param amount what was paid, positive
 * @param balanceAmount what remains due on the invoice afterwards
 * @param receivedAt when the money was received
 * @param stepId the care pathway step of the invoice, if any
 */
@EventType("billing.payment.received.v1")
public record PaymentReceived(UUID paymentId, UUID invoiceId, UUID patientId, UUID partnerId, String method,
		@Nullable UUID insurerId, String currency, String amount, String balanceAmount, Instant receivedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
