package care.parcours.events.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A credit note corrected an issued invoice: what the invoice asks for is reduced by its
 * amount.
 *
 * @param creditNoteId the credit note
 * @param number its number, in the issuer's unbroken sequence of the year
 * @param invoiceId the invoice it corrects
 * @param patientId for whom
 * @param partnerId the partner that issues it
 * @param reason a code: {@code BILLING_ERROR}, {@code ACT_NOT_PERFORMED},
 * {@code COMMERCIAL_GESTURE} or {@code CANCELLED_CARE}
 * @param currency ISO 4217 code of the amounts
 * @param amount what it credits, taxes included, positive
 * @param balanceAmount what remains due on the invoice afterwards
 * @param issuedAt when it was issued
 * @param stepId the care pathway step of the invoice, if any
 */
@EventType("billing.credit-note.issued.v1")
public record CreditNoteIssued(UUID creditNoteId, String number, UUID invoiceId, UUID patientId, UUID partnerId,
		String reason, String currency, String amount, String balanceAmount, Instant issuedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
