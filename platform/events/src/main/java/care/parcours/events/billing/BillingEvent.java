package care.parcours.events.billing;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/**
 * Every event billing-service publishes, on its topic. Quote and invoice events carry
 * their care pathway on the envelope ({@code pathwayId}) and the step in the payload when
 * the quote has one.
 */
@Topic(BillingEvent.TOPIC)
public sealed interface BillingEvent extends DomainEvent
		permits QuoteSent, QuoteAccepted, QuoteRejected, QuoteExpired, AuthorisationDecided, AuthorisationExpired,
		InvoiceIssued, CreditNoteIssued, PaymentReceived, PaymentRefunded, InvoiceSettled {

	String TOPIC = "parcours.billing.v1";

}
