package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** Invoices as the API shows them: amounts as strings with their currency. */
final class InvoiceViews {

	private InvoiceViews() {
	}

	@Schema(description = "An invoice as listed.")
	record InvoiceSummary(UUID id, String number, InvoiceKind kind, InvoiceStatus status, UUID partnerId,
			UUID patientId, UUID pathwayId, UUID quoteId, Money total, Money balance, LocalDate dueOn, Instant issuedAt,
			@Schema(description = "Counts every change: the ETag") long version) {

		static InvoiceSummary of(Invoice invoice) {
			return new InvoiceSummary(invoice.id(), invoice.number().toString(), invoice.kind(), invoice.status(),
					invoice.issuerId(), invoice.patientId(), invoice.pathwayId(), invoice.quoteId(), invoice.total(),
					invoice.balance(), invoice.dueOn(), invoice.issuedAt(), invoice.version());
		}

	}

	@Schema(description = "An issued invoice: what it bills (fixed), and what moved its balance since.")
	record InvoiceView(UUID id,
			@Schema(description = "Unbroken per partner and year, such as 2026-000042") String number, InvoiceKind kind,
			InvoiceStatus status, @Schema(description = "The partner that issues it") UUID partnerId, UUID patientId,
			UUID pathwayId, @Nullable UUID stepId, UUID quoteId, int quoteVersion, String currency, String language,
			List<InvoiceLineView> lines, InvoiceTotals totals,
			@Schema(description = "total - paid + refunded - credited, never below zero") Money balance, Money paid,
			Money refunded, Money credited, LocalDate dueOn, Instant issuedAt, @Nullable Instant settledAt,
			@Schema(description = "The completed appointments a balance bills") List<UUID> appointments,
			List<CreditNoteView> creditNotes, List<PaymentView> payments, List<RefundView> refunds,
			@Schema(description = "Counts every change: the ETag") long version) {

		static InvoiceView of(Invoice invoice) {
			return new InvoiceView(invoice.id(), invoice.number().toString(), invoice.kind(), invoice.status(),
					invoice.issuerId(), invoice.patientId(), invoice.pathwayId(), invoice.stepId(), invoice.quoteId(),
					invoice.quoteVersion(), invoice.currency().getCurrencyCode(), invoice.language(),
					invoice.lines().stream().map(InvoiceLineView::of).toList(),
					new InvoiceTotals(invoice.net(), invoice.vat(), invoice.total(), invoice.insurersTotal(),
							invoice.patientTotal()),
					invoice.balance(), invoice.paid(), invoice.refunded(), invoice.credited(), invoice.dueOn(),
					invoice.issuedAt(), invoice.settledAt(), invoice.care(),
					of(invoice, Movement.CreditNote.class)
						.map(n -> new CreditNoteView(n.id(), n.number().toString(), n.reason(), n.amount(),
								n.issuedAt()))
						.toList(),
					of(invoice, Movement.Payment.class)
						.map(p -> new PaymentView(p.id(), p.method(), p.provider(), p.reference(), p.insurerId(),
								p.amount(), p.receivedAt()))
						.toList(),
					of(invoice, Movement.Refund.class)
						.map(r -> new RefundView(r.id(), r.paymentId(), r.amount(), r.refundedAt()))
						.toList(),
					invoice.version());
		}

		private static <M extends Movement> java.util.stream.Stream<M> of(Invoice invoice, Class<M> type) {
			return invoice.movements().stream().filter(type::isInstance).map(type::cast);
		}

	}

	@Schema(description = "What the invoice bills: net + vat = total = insurers + patient, to the minor unit.")
	record InvoiceTotals(Money net, Money vat, Money total, Money insurers, Money patient) {

	}

	@Schema(description = "A line: a line of the quote, a deposit, or a deposit deducted (negative).")
	record InvoiceLineView(int position, @Nullable Integer quotePosition, String code, String label,
			@Nullable BigDecimal quantity, @Nullable Money unitPrice, @Nullable BigDecimal vatRate, Money net,
			Money vat, Money total, List<InvoiceShareView> shares, Money patientShare) {

		static InvoiceLineView of(InvoiceLine line) {
			return new InvoiceLineView(line.position(), line.quotePosition(), line.code(), line.label(),
					line.quantity(), line.unitPrice(), line.vatRate(), line.net(), line.vat(), line.total(),
					line.shares()
						.stream()
						.map(s -> new InvoiceShareView(s.policyId(), s.insurerId(), s.amount()))
						.toList(),
					line.patient());
		}

	}

	@Schema(description = "What one insurer is billed of a line.")
	record InvoiceShareView(UUID policyId, UUID insurerId, Money amount) {

	}

	record CreditNoteView(UUID id, String number, CreditReason reason, Money amount, Instant issuedAt) {

	}

	record PaymentView(UUID id, PaymentMethod method, String provider, String reference, @Nullable UUID insurerId,
			Money amount, Instant receivedAt) {

	}

	record RefundView(UUID id, @Nullable UUID paymentId, Money amount, Instant refundedAt) {

	}

}
