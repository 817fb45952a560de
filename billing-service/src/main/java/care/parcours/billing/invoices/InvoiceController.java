package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.money.Money;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invoices",
		description = "Invoices issued from a quote's accepted version (a deposit before travel, the balance after care, or in full), numbered without gaps per partner and year, fixed once issued; corrected by credit notes; paid, partly or wholly, and refunded. Read by billing staff, coordinators and the partner that issues them.")
@RestController
class InvoiceController {

	private final InvoiceService invoices;

	private final IdempotentRequests idempotency;

	InvoiceController(InvoiceService invoices, IdempotentRequests idempotency) {
		this.invoices = invoices;
		this.idempotency = idempotency;
	}

	record IssueForm(@NotNull UUID quoteId, @NotNull InvoiceKind kind, @Schema(
			description = "A deposit's share of the quote's total, rounded half-even to the minor unit") @Nullable @DecimalMin(
					value = "0",
					inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal depositPercent,
			@Schema(description = "Or the deposit's amount, in the quote's currency") @Nullable Money depositAmount,
			@Schema(description = "The quote's lines a balance bills (acts performed); all when absent") @Nullable @Size(
					max = 100) Set<@NotNull @Min(1) @Max(100) Integer> positions,
			@Schema(description = "30 days after issue when absent") @Nullable LocalDate dueOn) {

	}

	record CreditForm(@NotNull Money amount, @NotNull CreditReason reason) {

	}

	record PaymentForm(@NotNull PaymentMethod method, @Schema(
			description = "Who reports it: a card acquirer, the bank, an insurer's settlement run") @NotBlank @Size(
					max = 40) @Pattern(regexp = "[a-z0-9-]+") String provider,
			@Schema(description = "The provider's reference: one payment per provider and reference") @NotBlank @Size(
					max = 100) String reference,
			@Schema(description = "The insurer that paid, for an insurer's settlement only") @Nullable UUID insurerId,
			@NotNull Money amount, @Schema(description = "Now when absent") @Nullable Instant receivedAt) {

		InvoiceService.PaymentRequest request() {
			return new InvoiceService.PaymentRequest(method, provider, reference, insurerId, amount, receivedAt);
		}

	}

	record RefundForm(@NotNull Money amount,
			@Schema(description = "The payment it returns, if one") @Nullable UUID paymentId) {

	}

	@Operation(summary = "Issue an invoice",
			description = "From the quote's accepted version: a DEPOSIT (depositPercent or depositAmount; deposits never exceed the quote), the BALANCE after care (the lines performed, all by default, less the deposits; 422 care-not-performed until scheduling reported an appointment of the quote's step completed) or FULL (no deposit before). Shared between insurers and the patient as the quote is, numbered in the partner's unbroken sequence of the year; publishes billing.invoice.issued.v1. 409 quote-not-accepted, quote-invoiced, quote-has-deposits; 422 deposit-exceeds-quote, deposits-exceed-balance. With an Idempotency-Key, a retried request issues once.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@ETagged
	@PostMapping("/api/invoices")
	ResponseEntity<?> issue(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody IssueForm form) {
		return idempotency.run(key, "POST /api/invoices", form, () -> {
			Invoice invoice = invoices
				.issue(new InvoiceService.IssueRequest(form.quoteId(), form.kind(), form.depositPercent(),
						form.depositAmount(), form.positions() == null ? Set.of() : form.positions(), form.dueOn()));
			return created(invoice);
		});
	}

	@Operation(summary = "List invoices",
			description = "Newest first, by partner, patient, pathway, quote and status; a partner token sees only its own.")
	@GetMapping("/api/invoices")
	Page<InvoiceViews.InvoiceSummary> list(@RequestParam(required = false) @Nullable UUID partnerId,
			@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable UUID pathwayId,
			@RequestParam(required = false) @Nullable UUID quoteId,
			@RequestParam(required = false) @Nullable InvoiceStatus status, PageQuery page) {
		return Caller.current()
			.listedPartner(partnerId)
			.map((partner) -> invoices.list(partner.id(), patientId, pathwayId, quoteId, status, page)
				.map(InvoiceViews.InvoiceSummary::of))
			.orElseGet(() -> Page.of(List.of(), page, 0));
	}

	@Operation(summary = "Get an invoice",
			description = "Its lines, totals and who is billed what, its credit notes, payments and refunds, and its balance.")
	@ETagged
	@GetMapping("/api/invoices/{id}")
	ResponseEntity<InvoiceViews.InvoiceView> get(@PathVariable UUID id) {
		return view(invoices.get(id, Caller.current()));
	}

	@Operation(summary = "Issue a credit note",
			description = "Corrects the invoice If-Match names by an amount of at most what remains due (to correct a paid invoice, refund first), numbered in the partner's sequence of invoices (facture d'avoir); publishes billing.credit-note.issued.v1, and billing.invoice.settled.v1 when nothing remains due for the first time. 422 credit-exceeds-balance.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/invoices/{id}/credit-notes")
	ResponseEntity<InvoiceViews.InvoiceView> credit(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody CreditForm form) {
		return created(invoices.credit(id, form.amount(), form.reason(), expected));
	}

	@Operation(summary = "Record a payment",
			description = "Card, transfer or an insurer's settlement, at most what remains due (422 payment-exceeds-balance); partial payments add up. Once per provider and reference: the same payment reported again answers 200 with the invoice as it is; the reference used for another payment (another amount, method or invoice) is 409 payment-reference-used. Publishes billing.payment.received.v1, and billing.invoice.settled.v1 when nothing remains due for the first time.")
	@ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "200", description = "Recorded before: nothing changed", useReturnTypeSchema = true)
	@PostMapping("/api/invoices/{id}/payments")
	ResponseEntity<InvoiceViews.InvoiceView> pay(@PathVariable UUID id, @Valid @RequestBody PaymentForm form) {
		InvoiceService.Paid paid = invoices.pay(id, form.request());
		return paid.recorded() ? created(paid.invoice()) : view(paid.invoice());
	}

	@Operation(summary = "Record a refund",
			description = "Money paid back on the invoice: at most what was kept of it, or of the payment named (422 refund-exceeds-paid). Publishes billing.payment.refunded.v1. With an Idempotency-Key, a retried request refunds once.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/invoices/{id}/refunds")
	ResponseEntity<?> refund(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@PathVariable UUID id, @Valid @RequestBody RefundForm form) {
		return idempotency.run(key, "POST /api/invoices/" + id + "/refunds", form,
				() -> created(invoices.refund(id, form.amount(), form.paymentId())));
	}

	private static ResponseEntity<InvoiceViews.InvoiceView> created(Invoice invoice) {
		return Versioned.created(URI.create("/api/invoices/" + invoice.id()), invoice.version(),
				InvoiceViews.InvoiceView.of(invoice));
	}

	private static ResponseEntity<InvoiceViews.InvoiceView> view(Invoice invoice) {
		return Versioned.ok(invoice.version(), InvoiceViews.InvoiceView.of(invoice));
	}

}
