package care.parcours.events.billing;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/**
 * Every event billing-service publishes, on its topic. A quote's events carry its care
 * pathway on the envelope ({@code pathwayId}) and the step in the payload when the quote
 * has one.
 */
@Topic(BillingEvent.TOPIC)
public sealed interface BillingEvent extends DomainEvent
		permits QuoteSent, QuoteAccepted, QuoteRejected, QuoteExpired, AuthorisationDecided, AuthorisationExpired {

	String TOPIC = "parcours.billing.v1";

}
