package care.parcours.patient.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.billing.BillingEvent;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.test.TestEvents;
import org.jspecify.annotations.Nullable;

/**
 * Billing's side of one step's quote, as the tests play it: a quote's events published on
 * billing's topic with the pathway on the envelope, each at the quote's aggregate version
 * and the time the test says.
 */
record QuoteWork(UUID pathwayId, @Nullable UUID stepId, UUID patientId, UUID partnerId) {

	static QuoteWork of(UUID pathwayId, UUID stepId) {
		return new QuoteWork(pathwayId, stepId, UUID.randomUUID(), UUID.randomUUID());
	}

	EventEnvelope publish(BillingEvent event, UUID quote, long version, Instant time) {
		return TestEvents.publish(event, quote, version, pathwayId, time);
	}

	QuoteSent sent(UUID quote, int quoteVersion, Instant at) {
		return new QuoteSent(quote, quoteVersion, patientId, partnerId, "EUR", "12450.00", "8000.00", "4450.00",
				LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30), at, stepId);
	}

	QuoteAccepted accepted(UUID quote, int quoteVersion, Instant at) {
		return new QuoteAccepted(quote, quoteVersion, patientId, partnerId, "EUR", "12450.00", "8000.00", "4450.00", at,
				stepId);
	}

	QuoteRejected rejected(UUID quote, int quoteVersion, Instant at) {
		return new QuoteRejected(quote, quoteVersion, patientId, partnerId, at, stepId);
	}

	QuoteExpired expired(UUID quote, int quoteVersion, Instant at) {
		return new QuoteExpired(quote, quoteVersion, patientId, partnerId, LocalDate.ofInstant(at, ZoneOffset.UTC), at,
				stepId);
	}

	InvoiceIssued invoiced(UUID invoice, UUID quote, Instant at) {
		return new InvoiceIssued(invoice, "2026-000042", "FULL", patientId, partnerId, quote, 1, "EUR", "12450.00",
				"8000.00", "4450.00", LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30), at, stepId);
	}

	PaymentReceived paid(UUID invoice, String amount, String balance, Instant at) {
		return new PaymentReceived(UUID.randomUUID(), invoice, patientId, partnerId, "CARD", null, "EUR", amount,
				balance, at, stepId);
	}

	InvoiceSettled settled(UUID invoice, Instant at) {
		return new InvoiceSettled(invoice, "2026-000042", patientId, partnerId, "EUR", "12450.00", "12450.00", "0.00",
				at, stepId);
	}

}
