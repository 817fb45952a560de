package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.money.Money;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.validation.CurrencyCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Quotes",
		description = "Quotes (devis) for a patient's care pathway, in versions: drafted, sent, accepted (one version, once), rejected, superseded or expired at their validity date; read by billing staff, coordinators and the partner concerned.")
@RestController
class QuoteController {

	private final QuoteService quotes;

	private final IdempotentRequests idempotency;

	QuoteController(QuoteService quotes, IdempotentRequests idempotency) {
		this.quotes = quotes;
		this.idempotency = idempotency;
	}

	record LineForm(@NotNull UUID itemId,
			@Schema(description = "More than 0, at most 100000, three decimals at most") @NotNull @DecimalMin(
					value = "0",
					inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 3) BigDecimal quantity,
			@Schema(description = "VAT excluded; the partner's tariff of the day when absent") @Nullable Money unitPrice,
			@Schema(description = "0 to 100") @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3,
					fraction = 2) BigDecimal discountPercent,
			@Schema(description = "0 to 30; the tariff's when absent, 0 for items exempt from VAT") @Nullable @DecimalMin("0") @DecimalMax("30") @Digits(
					integer = 2, fraction = 2) BigDecimal vatRate) {

		QuoteService.LineRequest request() {
			return new QuoteService.LineRequest(itemId, quantity, unitPrice, discountPercent, vatRate);
		}

	}

	record QuoteForm(@NotNull UUID patientId, @NotNull UUID partnerId, @NotNull UUID pathwayId, @Nullable UUID stepId,
			@NotNull @CurrencyCode String currency, @NotNull @Pattern(regexp = "fr|en|nl") String language,
			@Nullable @CurrencyCode String patientCurrency, @NotNull LocalDate validUntil,
			@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineForm> lines) {

		QuoteService.TermsRequest terms() {
			return QuoteController.terms(currency, language, patientCurrency, validUntil, lines);
		}

	}

	record TermsForm(@NotNull @CurrencyCode String currency, @NotNull @Pattern(regexp = "fr|en|nl") String language,
			@Nullable @CurrencyCode String patientCurrency, @NotNull LocalDate validUntil,
			@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineForm> lines) {

		QuoteService.TermsRequest terms() {
			return QuoteController.terms(currency, language, patientCurrency, validUntil, lines);
		}

	}

	@Operation(summary = "Draft a quote",
			description = "Version 1, a draft, for a patient's pathway (and step): each line priced from the partner's tariff of the day unless it gives its unitPrice, rounded half-even to the currency's minor unit line by line, and split between the patient's insurers and the patient. With an Idempotency-Key, a retried request drafts once.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@ETagged
	@PostMapping("/api/quotes")
	ResponseEntity<?> draft(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody QuoteForm form) {
		return idempotency.run(key, "POST /api/quotes", form, () -> {
			Quote quote = quotes.draft(form.patientId(), form.partnerId(), form.pathwayId(), form.stepId(),
					form.terms());
			return Versioned.created(URI.create("/api/quotes/" + quote.id()), quote.version(),
					QuoteViews.QuoteView.of(quote));
		});
	}

	/** Staff see every quote (or one partner's); a partner system only its own. */
	@Operation(summary = "List quotes",
			description = "Quotes, newest first, by partner, patient, pathway and status; a partner token sees only the quotes that concern its organisation.")
	@GetMapping("/api/quotes")
	Page<QuoteViews.QuoteSummary> list(@RequestParam(required = false) @Nullable UUID partnerId,
			@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable UUID pathwayId,
			@RequestParam(required = false) @Nullable QuoteStatus status, PageQuery page) {
		return Caller.current()
			.listedPartner(partnerId)
			.map((partner) -> quotes.list(partner.id(), patientId, pathwayId, status, page)
				.map(QuoteViews.QuoteSummary::of))
			.orElseGet(() -> Page.of(List.of(), page, 0));
	}

	@Operation(summary = "Get a quote", description = "Every version with its lines, totals and who pays what.")
	@ETagged
	@GetMapping("/api/quotes/{id}")
	ResponseEntity<QuoteViews.QuoteView> get(@PathVariable UUID id) {
		return view(quotes.get(id, Caller.current()));
	}

	@Operation(summary = "Get a version of a quote",
			description = "Its lines, totals and who pays what; the quote's version as ETag.")
	@ETagged
	@GetMapping("/api/quotes/{id}/versions/{number}")
	ResponseEntity<QuoteViews.VersionView> version(@PathVariable UUID id, @PathVariable int number) {
		Quote quote = quotes.get(id, Caller.current());
		return Versioned.ok(quote.version(), QuoteViews.VersionView.of(quote.version(number)));
	}

	@Operation(summary = "Change a quote",
			description = "New terms on the version If-Match names: a draft is rewritten; a sent version is superseded by a new draft (its number plus one); after a rejection or an expiry a new draft follows; an accepted quote is not changed (409).")
	@PutMapping("/api/quotes/{id}")
	ResponseEntity<QuoteViews.QuoteView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody TermsForm form) {
		return view(quotes.revise(id, form.terms(), expected));
	}

	@Operation(summary = "Send a quote",
			description = "The draft goes to the patient with who pays what as it stands now; publishes billing.quote.sent.v1. 422 validity-past when its validity date has passed.")
	@PostMapping("/api/quotes/{id}/send")
	ResponseEntity<QuoteViews.QuoteView> send(@PathVariable UUID id, ExpectedVersion expected) {
		return view(quotes.send(id, expected));
	}

	@Operation(summary = "Accept a version of a quote",
			description = "The patient accepts a sent version before the end of its validity date; publishes billing.quote.accepted.v1. Accepting the accepted version again answers the quote as it is, whatever If-Match says. 409 quote-version-superseded, quote-expired; 422 authorisation-required while an insurer that must approve has not approved its share.")
	@PostMapping("/api/quotes/{id}/versions/{number}/accept")
	ResponseEntity<QuoteViews.QuoteView> accept(@PathVariable UUID id, @PathVariable int number,
			ExpectedVersion expected) {
		return view(quotes.accept(id, number, expected));
	}

	@Operation(summary = "Reject a version of a quote",
			description = "The patient turns a sent version down; publishes billing.quote.rejected.v1. Rejecting it again changes nothing.")
	@PostMapping("/api/quotes/{id}/versions/{number}/reject")
	ResponseEntity<QuoteViews.QuoteView> reject(@PathVariable UUID id, @PathVariable int number,
			ExpectedVersion expected) {
		return view(quotes.reject(id, number, expected));
	}

	private static ResponseEntity<QuoteViews.QuoteView> view(Quote quote) {
		return Versioned.ok(quote.version(), QuoteViews.QuoteView.of(quote));
	}

	static QuoteService.TermsRequest terms(String currency, String language, @Nullable String patientCurrency,
			LocalDate validUntil, List<LineForm> lines) {
		return new QuoteService.TermsRequest(kept("currency", currency), language,
				patientCurrency == null ? null : kept("patientCurrency", patientCurrency), validUntil,
				lines.stream().map(LineForm::request).toList());
	}

	/** A currency amounts are kept in: not gold nor a fund code. */
	private static Currency kept(String field, String code) {
		Currency currency = Currency.getInstance(code);
		if (currency.getDefaultFractionDigits() < 0) {
			throw InvalidRequestException.ofField(field, "must be a currency amounts are kept in, such as EUR");
		}
		return currency;
	}

}
