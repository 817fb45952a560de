package care.parcours.patient.timeline;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.events.billing.AuthorisationDecided;
import care.parcours.events.billing.AuthorisationExpired;
import care.parcours.events.billing.BillingEvent;
import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;
import org.jspecify.annotations.Nullable;

/**
 * A scheduling or billing event made for a step, read for the step's timeline: what
 * happened (a code), the fact that may move the step (none for a waiting-list offer: the
 * hold it places comes with its own event), and the ids, codes and times worth showing.
 * Nothing personal is kept: not even the patient's id, which the pathway knows.
 *
 * @param stepId the step the work was made for
 * @param what what happened, such as {@code APPOINTMENT_BOOKED}
 * @param fact what it means for the step, if anything
 * @param details ids, codes and times, by name
 */
record StepNews(UUID stepId, String what, @Nullable StepFact fact, Map<String, String> details) {

	StepNews {
		details = Map.copyOf(details);
	}

	/**
	 * The news in a scheduling event, if it was made for a step: events of work made for
	 * no step, and a chain's cascades (a move's business), have none.
	 */
	static Optional<StepNews> of(SchedulingEvent event) {
		return Optional.ofNullable(switch (event) {
			case SlotHeld e when e.stepId() != null ->
				new StepNews(e.stepId(), "SLOT_HELD", new StepFact.Held(e.holdId(), e.start()),
						TimelineEntry.details("holdId", e.holdId(), "practitionerId", e.practitionerId(), "partnerId",
								e.partnerId(), "start", e.start(), "end", e.end(), "mode", e.mode(), "appointmentType",
								e.appointmentType(), "expiresAt", e.expiresAt()));
			case SlotReleased e when e.stepId() != null -> new StepNews(e.stepId(), "HOLD_" + e.reason(),
					"CONFIRMED".equals(e.reason()) ? new StepFact.HoldConfirmed(e.holdId())
							: new StepFact.HoldReleased(e.holdId()),
					TimelineEntry.details("holdId", e.holdId(), "practitionerId", e.practitionerId(), "partnerId",
							e.partnerId(), "start", e.start(), "end", e.end(), "reason", e.reason()));
			case AppointmentBooked e when e.stepId() != null -> new StepNews(e.stepId(), "APPOINTMENT_BOOKED",
					new StepFact.Booked(e.appointmentId(), e.start(), e.holdId()),
					TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
							"partnerId", e.partnerId(), "start", e.start(), "end", e.end(), "mode", e.mode(),
							"appointmentType", e.appointmentType(), "holdId", e.holdId()));
			case AppointmentRescheduled e when e.stepId() != null -> new StepNews(e.stepId(), "APPOINTMENT_RESCHEDULED",
					new StepFact.Rescheduled(e.appointmentId(), e.start()),
					TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
							"partnerId", e.partnerId(), "previousStart", e.previousStart(), "start", e.start(), "end",
							e.end(), "cascadeId", e.cascadeId()));
			case AppointmentCancelled e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_CANCELLED", new StepFact.Cancelled(e.appointmentId(), e.start()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "start", e.start(), "end", e.end(), "reason", e.reason()));
			case AppointmentNoShowRecorded e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_NO_SHOW", new StepFact.Missed(e.appointmentId(), e.start()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "start", e.start(), "end", e.end()));
			case AppointmentCheckedIn e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_CHECKED_IN", new StepFact.CheckedIn(e.appointmentId()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "checkedInAt", e.checkedInAt()));
			case AppointmentCompleted e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_COMPLETED", new StepFact.Completed(e.appointmentId()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "completedAt", e.completedAt()));
			case WaitlistOfferMade e when e.stepId() != null -> new StepNews(e.stepId(), "WAITLIST_OFFER_MADE", null,
					TimelineEntry.details("entryId", e.entryId(), "holdId", e.holdId(), "practitionerId",
							e.practitionerId(), "partnerId", e.partnerId(), "start", e.start(), "end", e.end(),
							"expiresAt", e.expiresAt()));
			// Work made for no step, and a chain's cascades, whose answers a move awaits.
			case SlotHeld _, SlotReleased _, AppointmentBooked _, AppointmentRescheduled _, AppointmentCancelled _,
					AppointmentNoShowRecorded _, AppointmentCheckedIn _, AppointmentCompleted _, WaitlistOfferMade _,
					CascadeApplied _, CascadeRefused _ ->
				null;
		});
	}

	/**
	 * The news in a billing event, if it was made for a step: a quote's, with its amounts
	 * as billing wrote them (never the patient's id). An insurer's authorisation moves no
	 * step; nor does money: an invoice, its credit notes and payments are entries on the
	 * step's timeline that change nothing in the step, which is done by its care, not by
	 * its payment.
	 */
	static Optional<StepNews> of(BillingEvent event) {
		return Optional.ofNullable(switch (event) {
			case QuoteSent e when e.stepId() != null ->
				new StepNews(e.stepId(), "QUOTE_SENT", new StepFact.Quoted(e.quoteId()),
						TimelineEntry.details("quoteId", e.quoteId(), "quoteVersion", e.quoteVersion(), "partnerId",
								e.partnerId(), "currency", e.currency(), "totalAmount", e.totalAmount(),
								"insurersAmount", e.insurersAmount(), "patientAmount", e.patientAmount(), "validUntil",
								e.validUntil(), "sentAt", e.sentAt()));
			case QuoteAccepted e when e.stepId() != null -> new StepNews(e.stepId(), "QUOTE_ACCEPTED",
					new StepFact.QuoteAccepted(e.quoteId()),
					TimelineEntry.details("quoteId", e.quoteId(), "quoteVersion", e.quoteVersion(), "partnerId",
							e.partnerId(), "currency", e.currency(), "totalAmount", e.totalAmount(), "insurersAmount",
							e.insurersAmount(), "patientAmount", e.patientAmount(), "acceptedAt", e.acceptedAt()));
			case QuoteRejected e when e.stepId() != null ->
				new StepNews(e.stepId(), "QUOTE_REJECTED", new StepFact.QuoteRejected(e.quoteId()),
						TimelineEntry.details("quoteId", e.quoteId(), "quoteVersion", e.quoteVersion(), "partnerId",
								e.partnerId(), "rejectedAt", e.rejectedAt()));
			case QuoteExpired e when e.stepId() != null ->
				new StepNews(e.stepId(), "QUOTE_EXPIRED", new StepFact.QuoteExpired(e.quoteId()),
						TimelineEntry.details("quoteId", e.quoteId(), "quoteVersion", e.quoteVersion(), "partnerId",
								e.partnerId(), "validUntil", e.validUntil(), "expiredAt", e.expiredAt()));
			case InvoiceIssued e when e.stepId() != null -> new StepNews(e.stepId(), "INVOICE_ISSUED", null,
					TimelineEntry.details("invoiceId", e.invoiceId(), "number", e.number(), "kind", e.kind(),
							"partnerId", e.partnerId(), "currency", e.currency(), "totalAmount", e.totalAmount(),
							"insurersAmount", e.insurersAmount(), "patientAmount", e.patientAmount(), "dueOn",
							e.dueOn(), "issuedAt", e.issuedAt()));
			case CreditNoteIssued e when e.stepId() != null -> new StepNews(e.stepId(), "CREDIT_NOTE_ISSUED", null,
					TimelineEntry.details("creditNoteId", e.creditNoteId(), "number", e.number(), "invoiceId",
							e.invoiceId(), "reason", e.reason(), "currency", e.currency(), "amount", e.amount(),
							"balanceAmount", e.balanceAmount(), "issuedAt", e.issuedAt()));
			case PaymentReceived e when e.stepId() != null -> new StepNews(e.stepId(), "PAYMENT_RECEIVED", null,
					TimelineEntry.details("paymentId", e.paymentId(), "invoiceId", e.invoiceId(), "method", e.method(),
							"insurerId", e.insurerId(), "currency", e.currency(), "amount", e.amount(), "balanceAmount",
							e.balanceAmount(), "receivedAt", e.receivedAt()));
			case PaymentRefunded e when e.stepId() != null -> new StepNews(e.stepId(), "PAYMENT_REFUNDED", null,
					TimelineEntry.details("refundId", e.refundId(), "invoiceId", e.invoiceId(), "paymentId",
							e.paymentId(), "currency", e.currency(), "amount", e.amount(), "balanceAmount",
							e.balanceAmount(), "refundedAt", e.refundedAt()));
			case InvoiceSettled e when e.stepId() != null -> new StepNews(e.stepId(), "INVOICE_SETTLED", null,
					TimelineEntry.details("invoiceId", e.invoiceId(), "number", e.number(), "currency", e.currency(),
							"totalAmount", e.totalAmount(), "paidAmount", e.paidAmount(), "creditedAmount",
							e.creditedAmount(), "settledAt", e.settledAt()));
			// Quotes and invoices made for no step, and insurers' authorisations.
			case QuoteSent _, QuoteAccepted _, QuoteRejected _, QuoteExpired _, AuthorisationDecided _,
					AuthorisationExpired _, InvoiceIssued _, CreditNoteIssued _, PaymentReceived _, PaymentRefunded _,
					InvoiceSettled _ ->
				null;
		});
	}

}
