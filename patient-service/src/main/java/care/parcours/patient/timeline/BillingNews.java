package care.parcours.patient.timeline;

import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Billing's news of quotes, each taken to the step it prices ({@link StepProgress}); a
 * quote made for no pathway is dropped at once. Invoices will join here once billing
 * publishes them.
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
			.on(QuoteExpired.class, progress::take);
	}

}
