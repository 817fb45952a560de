package care.parcours.patient.timeline;

import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Billing's news of quotes and invoices, each taken to the step it prices or bills
 * ({@link StepProgress}); work made for no pathway is dropped at once.
 */
@Component
class BillingNews implements EventSubscriber {

	private final StepProgress progress;

	BillingNews(StepProgress progress) {
		this.progress = progress;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions.on(QuoteSent.class, progress::take)
			.on(QuoteAccepted.class, progress::take)
			.on(QuoteRejected.class, progress::take)
			.on(QuoteExpired.class, progress::take)
			.on(InvoiceIssued.class, progress::take)
			.on(CreditNoteIssued.class, progress::take)
			.on(PaymentReceived.class, progress::take)
			.on(PaymentRefunded.class, progress::take)
			.on(InvoiceSettled.class, progress::take);
	}

}
