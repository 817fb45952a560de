package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Nothing remains due on an invoice: its payments and credit notes cover its total.
 * Published once, when the balance first reaches zero.
 *
 * @param invoiceId the invoice
 * @param number its number
 * @param patientId for whom
 * @param partnerId the partner that issued it
 * @param currency ISO 4217 code of the amounts
 * @param totalAmount what it billed
 * @param paidAmount what was paid on it, refunds deducted
 * @param creditedAmount what credit notes took off it
 * @param settledAt when the balance reached zero
 * @param stepId the care pathway step of the invoice, if any
 */
@EventType("billing.invoice.settled.v1")
public record InvoiceSettled(UUID invoiceId, String number, UUID patientId, UUID partnerId, String currency,
		String totalAmount, String paidAmount, String creditedAmount, Instant settledAt,
		@Nullable UUID stepId) implements BillingEvent {

}
