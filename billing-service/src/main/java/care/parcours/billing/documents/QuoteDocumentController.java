package care.parcours.billing.documents;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.BillingProperties;
import care.parcours.billing.coverage.CoverageService;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.billing.coverage.Insurer;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteService;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.billing.quotes.Terms;
import care.parcours.billing.rates.ExchangeRate;
import care.parcours.billing.rates.ExchangeRates;
import care.parcours.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Quotes")
@RestController
class QuoteDocumentController {

	private final QuoteService quotes;

	private final CoverageService coverage;

	private final ExchangeRates rates;

	private final BillingProperties properties;

	private final Clock clock;

	QuoteDocumentController(QuoteService quotes, CoverageService coverage, ExchangeRates rates,
			BillingProperties properties, Clock clock) {
		this.quotes = quotes;
		this.coverage = coverage;
		this.rates = rates;
		this.properties = properties;
		this.clock = clock;
	}

	@Operation(summary = "Download a version of a quote as PDF",
			description = "In the quote's language (French, English or Dutch), amounts and dates written for it; with the patient's currency, an indicative total at the latest rate billing staff recorded for a day up to the version's (its sending day, or today for a draft), naming the rate and its date.")
	@ApiResponse(responseCode = "200", description = "The quote as PDF",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/api/quotes/{id}/versions/{number}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int number) {
		Quote quote = quotes.get(id, Caller.current());
		QuoteVersion version = quote.version(number);
		byte[] pdf = QuotePdf.render(quote, version, insurers(version.terms().split()), rate(version));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("quote-" + id + "-v" + number + ".pdf").build().toString())
			.body(pdf);
	}

	private @Nullable ExchangeRate rate(QuoteVersion version) {
		Terms terms = version.terms();
		if (terms.patientCurrency() == null) {
			return null;
		}
		Instant asOf = version.sentAt() != null ? version.sentAt() : clock.instant();
		return rates.latest(terms.currency(), terms.patientCurrency(), properties.dayOf(asOf)).orElse(null);
	}

	private Map<UUID, String> insurers(CoverageSplit split) {
		Map<UUID, String> names = new HashMap<>();
		split.lines().forEach(line -> line.shares().forEach(share -> names.computeIfAbsent(share.insurerId(), id -> {
			Insurer insurer = coverage.insurer(id);
			return insurer.label() + " (" + insurer.code() + ")";
		})));
		return names;
	}

}
