package care.parcours.billing.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.BillingFixtures;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteFixtures;
import care.parcours.billing.quotes.QuoteStatus;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.billing.quotes.Terms;

/**
 * Accepted quotes and issued invoices as the service would build them, without Spring.
 */
final class InvoiceFixtures {

	static final Instant NOW = BillingFixtures.NOW;

	private InvoiceFixtures() {
	}

	/** A quote whose first and only version, of these terms, the patient accepted. */
	static Quote accepted(Terms terms) {
		QuoteVersion version = new QuoteVersion(1, QuoteStatus.ACCEPTED, terms, Instant.parse("2026-12-15T23:00:00Z"),
				NOW, NOW, NOW);
		return new Quote(UUID.randomUUID(), QuoteFixtures.PATIENT, QuoteFixtures.PARTNER, QuoteFixtures.PATHWAY,
				QuoteFixtures.STEP, List.of(version), 2, NOW);
	}

	static Invoice issued(InvoiceDraft draft, int sequence) {
		return Invoice
			.issue(UUID.randomUUID(), new DocumentNumber(2026, sequence), draft, LocalDate.parse("2026-12-20"), NOW)
			.invoice();
	}

	static Invoice full(Terms terms) {
		Quote quote = accepted(terms);
		return issued(InvoiceDraft.full(quote, quote.accepted()), 1);
	}

}
