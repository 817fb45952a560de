package care.parcours.patient.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventEnvelope;
import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.test.TestEvents;
import org.jspecify.annotations.Nullable;

/**
 * One partner's work as scheduling and billing would report it, for the indicators'
 * tests: each call publishes one event on the producer's topic at the aggregate version
 * and time the test says, with the pathway on the envelope when there is one. Amounts are
 * written as billing writes them (decimal strings).
 */
record PartnerWork(UUID partnerId, UUID patientId, UUID practitionerId) {

	static PartnerWork any() {
		return new PartnerWork(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
	}

	static EventEnvelope publish(DomainEvent event, UUID subject, long version, @Nullable UUID pathway, Instant at) {
		return TestEvents.publish(event, subject, version, pathway, at);
	}

	EventEnvelope quoteSent(UUID quote, int quoteVersion, long version, @Nullable UUID pathway, Instant at) {
		return publish(new QuoteSent(quote, quoteVersion, patientId, partnerId, "EUR", "12450.00", "8000.00", "4450.00",
				LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30), at, null), quote, version, pathway, at);
	}

	EventEnvelope quoteAccepted(UUID quote, int quoteVersion, long version, @Nullable UUID pathway, Instant at) {
		return publish(new QuoteAccepted(quote, quoteVersion, patientId, partnerId, "EUR", "12450.00", "8000.00",
				"4450.00", at, null), quote, version, pathway, at);
	}

	EventEnvelope quoteRejected(UUID quote, int quoteVersion, long version, @Nullable UUID pathway, Instant at) {
		return publish(new QuoteRejected(quote, quoteVersion, patientId, partnerId, at, null), quote, version, pathway,
				at);
	}

	/** Booked at {@code at} (the envelope's time) for a week later. */
	EventEnvelope booked(UUID appointment, @Nullable UUID pathway, Instant at) {
		Instant start = at.plus(Duration.ofDays(7));
		return publish(
				new AppointmentBooked(appointment, practitionerId, partnerId, patientId, start,
						start.plus(Duration.ofMinutes(30)), "IN_PERSON", "consultation", null, null),
				appointment, 1, pathway, at);
	}

	EventEnvelope rescheduled(UUID appointment, long version, Instant at) {
		Instant start = at.plus(Duration.ofDays(7));
		return publish(
				new AppointmentRescheduled(appointment, practitionerId, partnerId, patientId, start,
						start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofDays(1)),
						start.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30)), null, null),
				appointment, version, null, at);
	}

	EventEnvelope cancelled(UUID appointment, long version, Instant at) {
		return publish(new AppointmentCancelled(appointment, practitionerId, partnerId, patientId, at,
				at.plus(Duration.ofMinutes(30)), "PATIENT_REQUEST", null), appointment, version, null, at);
	}

	EventEnvelope noShow(UUID appointment, long version, Instant at) {
		return publish(new AppointmentNoShowRecorded(appointment, practitionerId, partnerId, patientId, at,
				at.plus(Duration.ofMinutes(30)), null), appointment, version, null, at);
	}

	EventEnvelope completed(UUID appointment, long version, Instant at) {
		return publish(new AppointmentCompleted(appointment, practitionerId, partnerId, patientId, at, null),
				appointment, version, null, at);
	}

	EventEnvelope invoiced(UUID invoice, String currency, String total, Instant at) {
		return publish(new InvoiceIssued(invoice, "2026-" + invoice.toString().substring(0, 6), "FULL", patientId,
				partnerId, null, null, currency, total, "0.00", total,
				LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30), at, null), invoice, 2, null, at);
	}

	EventEnvelope credited(UUID invoice, String currency, String amount, Instant at) {
		UUID note = UUID.randomUUID();
		return publish(
				new CreditNoteIssued(note, "AV-" + note.toString().substring(0, 6), invoice, patientId, partnerId,
						"COMMERCIAL_GESTURE", currency, amount, "0.00", at, null),
				invoice, at.getEpochSecond(), null, at);
	}

	EventEnvelope paid(UUID invoice, String currency, String amount, Instant at) {
		return publish(new PaymentReceived(UUID.randomUUID(), invoice, patientId, partnerId, "CARD", null, currency,
				amount, "0.00", at, null), invoice, at.getEpochSecond(), null, at);
	}

	EventEnvelope refunded(UUID invoice, String currency, String amount, Instant at) {
		return publish(new PaymentRefunded(UUID.randomUUID(), invoice, null, patientId, partnerId, currency, amount,
				"0.00", at, null), invoice, at.getEpochSecond(), null, at);
	}

}
