package care.parcours.billing.quotes;

import java.util.Optional;
import java.util.UUID;

import care.parcours.billing.coverage.QuotedCare;

import org.springframework.stereotype.Component;

/** Tells coverage what a quote's latest version costs its insurers. */
@Component
class QuoteFacts implements QuotedCare {

	private final Quotes quotes;

	QuoteFacts(Quotes quotes) {
		this.quotes = quotes;
	}

	@Override
	public Optional<Quoted> latest(UUID quoteId) {
		return quotes.find(quoteId).map(quote -> {
			QuoteVersion latest = quote.latest();
			return new Quoted(quote.id(), latest.number(), quote.pathwayId(), quote.stepId(), latest.terms().split());
		});
	}

}
