package care.parcours.events.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An invoice was issued: it has its number and can no longer change (corrections are
 * credit notes).
 *
 * @param invoiceId the invoice
 * @param number its number, unbroken per issuer and year, such as {@code "2026-000042"}
 * @param kind {@code DEPOSIT} (before travel), {@code BALANCE} (after care) or
 * {@code FULL}
 * @param patientId for whom
 * @param partnerId the partner that issues it
 * @param quoteId the accepted quote it starts from, if any
 * @param quoteVersion the accepted version, with {@code quoteId}
 * @param currency ISO 4217 code of every amount
 * @param totalAmount what it bills, taxes included
 * @param insurersAmount what the patient's insurers are billed
 * @param patientAmount what the patient is billed
 * @param dueOn the day it is due
 * @param issuedAt when it was issued
 * @param stepId the care pathway step it bills, if any (the envelope carries the pathway)
 */
@EventType("billing.invoice.issued.v1")
public record InvoiceIssued(UUID invoiceId, String number, String kind, UUID patientId, UUID partnerId,
		@Nullable UUID quoteId, @Nullable Integer quoteVersion, String currency, String totalAmount,
		String insurersAmount, String patientAmount, LocalDate dueOn, Instant issuedAt,
		@Nullable UUID stepId) implements BillingEvent {

}
