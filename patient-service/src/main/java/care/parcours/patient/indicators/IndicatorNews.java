package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.util.UUID;

import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteSent;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.patient.indicators.IndicatorFacts.First;
import care.parcours.patient.indicators.IndicatorFacts.Money;
import care.parcours.patient.indicators.IndicatorFacts.Outcome;
import care.parcours.platform.consumer.EventMetadata;
import care.parcours.platform.consumer.EventSubscriber;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Scheduling's and billing's news, as far as the network's figures need it: every
 * appointment and quote of a partner (a pathway's or not), and the money on its invoices.
 * The same events feed the pathway's timeline; both run in the one transaction that
 * records the event handled. The patient named in them is never kept.
 */
@Component
class IndicatorNews implements EventSubscriber {

	private final IndicatorFacts facts;

	IndicatorNews(IndicatorFacts facts) {
		this.facts = facts;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions.on(QuoteSent.class, this::sent)
			.on(QuoteAccepted.class,
					(event, meta) -> facts.quoteAccepted(event.quoteId(), event.partnerId(), event.acceptedAt()))
			.on(AppointmentBooked.class, this::booked)
			.on(AppointmentRescheduled.class,
					(event, meta) -> facts.rescheduled(event.appointmentId(), meta.aggregateVersion(),
							event.partnerId(), meta.time()))
			.on(AppointmentCancelled.class,
					(event, meta) -> facts.cancelled(event.appointmentId(), event.partnerId(), meta.time()))
			.on(AppointmentNoShowRecorded.class,
					(event, meta) -> facts.outcome(event.appointmentId(), event.partnerId(), Outcome.NO_SHOW,
							meta.aggregateVersion(), meta.time()))
			.on(AppointmentCompleted.class,
					(event, meta) -> facts.outcome(event.appointmentId(), event.partnerId(), Outcome.COMPLETED,
							meta.aggregateVersion(), event.completedAt()))
			.on(InvoiceIssued.class,
					(event, meta) -> facts.money(event.invoiceId(), Money.INVOICED, event.invoiceId(),
							event.partnerId(), event.currency(), new BigDecimal(event.totalAmount()), event.issuedAt()))
			.on(CreditNoteIssued.class,
					(event, meta) -> facts.money(event.creditNoteId(), Money.CREDITED, event.invoiceId(),
							event.partnerId(), event.currency(), new BigDecimal(event.amount()), event.issuedAt()))
			.on(PaymentReceived.class,
					(event, meta) -> facts.money(event.paymentId(), Money.PAID, event.invoiceId(), event.partnerId(),
							event.currency(), new BigDecimal(event.amount()), event.receivedAt()))
			.on(PaymentRefunded.class, (event, meta) -> facts.money(event.refundId(), Money.REFUNDED, event.invoiceId(),
					event.partnerId(), event.currency(), new BigDecimal(event.amount()), event.refundedAt()));
	}

	private void sent(QuoteSent event, EventMetadata meta) {
		facts.quoteSent(event.quoteId(), event.partnerId(), event.sentAt());
		UUID pathway = pathwayOf(meta);
		if (pathway != null) {
			facts.first(pathway, First.QUOTE, event.partnerId(), event.quoteId(), event.sentAt());
		}
	}

	/** A booking counts from when scheduling committed it: the event's time. */
	private void booked(AppointmentBooked event, EventMetadata meta) {
		UUID pathway = pathwayOf(meta);
		if (pathway != null) {
			facts.first(pathway, First.APPOINTMENT, event.partnerId(), event.appointmentId(), meta.time());
		}
	}

	private static @Nullable UUID pathwayOf(EventMetadata meta) {
		return (meta.pathwayId() == null) ? null : UUID.fromString(meta.pathwayId());
	}

}
