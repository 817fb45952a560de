package care.parcours.billing.rates;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.security.Caller;
import care.parcours.platform.validation.CurrencyCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Exchange rates",
		description = "Rates billing staff record, with their date, for the indicative amount of a quote in the patient's currency.")
@RestController
class ExchangeRateController {

	private final ExchangeRates rates;

	private final Clock clock;

	ExchangeRateController(ExchangeRates rates, Clock clock) {
		this.rates = rates;
		this.clock = clock;
	}

	record RateForm(@NotNull @CurrencyCode String base, @NotNull @CurrencyCode String counter,
			@Schema(description = "Units of counter per unit of base, such as 10.8125") @NotNull @DecimalMin(
					value = "0", inclusive = false) @Digits(integer = 12, fraction = 10) BigDecimal rate,
			@NotNull LocalDate date) {

	}

	record RateView(UUID id, String base, String counter, BigDecimal rate, LocalDate date, String recordedBy,
			Instant recordedAt) {

		static RateView of(ExchangeRate rate) {
			return new RateView(rate.id(), rate.base().getCurrencyCode(), rate.counter().getCurrencyCode(), rate.rate(),
					rate.date(), rate.recordedBy(), rate.recordedAt());
		}

	}

	@Operation(summary = "Record an exchange rate",
			description = "One rate per pair and day: 409 exchange-rate-recorded for a second one. Quotes show their total in the patient's currency at the latest rate recorded for a day up to theirs, naming the rate and its date.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/exchange-rates")
	ResponseEntity<RateView> record(@Valid @RequestBody RateForm form) {
		if (form.base().equals(form.counter())) {
			throw InvalidRequestException.ofField("counter", "must differ from base");
		}
		ExchangeRate rate = new ExchangeRate(UUID.randomUUID(), kept("base", form.base()),
				kept("counter", form.counter()), form.rate(), form.date(), Caller.current().subject(), clock.instant());
		rates.add(rate);
		return ResponseEntity.created(URI.create("/api/exchange-rates/" + rate.id())).body(RateView.of(rate));
	}

	/** A currency amounts are kept in: not gold nor a fund code. */
	private static Currency kept(String field, String code) {
		Currency currency = Currency.getInstance(code);
		if (currency.getDefaultFractionDigits() < 0) {
			throw InvalidRequestException.ofField(field, "must be a currency amounts are kept in, such as EUR");
		}
		return currency;
	}

	@Operation(summary = "List exchange rates", description = "Newest day first, by base and counter currency.")
	@GetMapping("/api/exchange-rates")
	Page<RateView> list(@RequestParam(required = false) @Nullable @CurrencyCode String base,
			@RequestParam(required = false) @Nullable @CurrencyCode String counter, PageQuery page) {
		return rates
			.list(base == null ? null : Currency.getInstance(base),
					counter == null ? null : Currency.getInstance(counter), page)
			.map(RateView::of);
	}

}
