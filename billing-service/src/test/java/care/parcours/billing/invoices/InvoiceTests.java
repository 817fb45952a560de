package care.parcours.billing.invoices;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.coverage.CoverageFixtures;
import care.parcours.billing.coverage.InsurerKind;
import care.parcours.billing.coverage.Policy;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteFixtures;
import care.parcours.billing.quotes.Terms;
import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;

import static care.parcours.billing.invoices.InvoiceFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invoices without Spring: drafted from an accepted quote as deposit, balance or full,
 * shared between insurers and the patient as the quote is; the balance after credit
 * notes, payments and refunds, and the status it gives.
 */
class InvoiceTests {

	private final Policy national = CoverageFixtures.policy(InsurerKind.NATIONAL, "0",
			CoverageFixtures.rule(ItemKind.MEDICAL_ACT, "70", null, false));

	/** 10,508.00 EUR: the national insurer 6,860.00, the patient 3,648.00. */
	private final Terms hipStay = QuoteFixtures.terms("fr", "EUR", java.time.LocalDate.parse("2026-12-15"),
			QuoteFixtures.hipStay(), List.of(national), Map.of());

	@Test
	void aFullInvoiceBillsEveryLineOfTheAcceptedVersionSplitAsTheQuote() {
		Quote quote = InvoiceFixtures.accepted(hipStay);
		Invoice.Change issued = Invoice.issue(UUID.randomUUID(), new DocumentNumber(2026, 42),
				InvoiceDraft.full(quote, quote.accepted()), java.time.LocalDate.parse("2026-12-20"), NOW);

		Invoice invoice = issued.invoice();
		assertThat(invoice.lines()).hasSize(3);
		assertThat(invoice.total()).isEqualTo(Money.of("10508.00", "EUR"));
		assertThat(invoice.insurersTotal()).isEqualTo(Money.of("6860.00", "EUR"));
		assertThat(invoice.patientTotal()).isEqualTo(Money.of("3648.00", "EUR"));
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
		assertThat(issued.events()).singleElement()
			.isInstanceOfSatisfying(InvoiceIssued.class, event -> assertThat(event.number()).isEqualTo("2026-000042"));
	}

	@Test
	void aDepositIsSharedAsTheQuoteAndTheBalanceDeductsIt() {
		Quote quote = InvoiceFixtures.accepted(hipStay);
		Invoice deposit = InvoiceFixtures
			.issued(InvoiceDraft.deposit(quote, quote.accepted(), Money.of("3152.40", "EUR"), Money.zero(eur())), 1);
		// 30 % of each payer's part: 6,860.00 * 0.3 and 3,648.00 * 0.3.
		assertThat(deposit.insurersTotal()).isEqualTo(Money.of("2058.00", "EUR"));
		assertThat(deposit.patientTotal()).isEqualTo(Money.of("1094.40", "EUR"));

		Invoice balance = InvoiceFixtures.issued(
				InvoiceDraft.balance(quote, quote.accepted(), Set.of(), List.of(deposit), List.of(UUID.randomUUID())),
				2);
		assertThat(balance.lines()).hasSize(4);
		assertThat(balance.lines().getLast().total()).isEqualTo(Money.of("-3152.40", "EUR"));
		assertThat(balance.total()).isEqualTo(Money.of("7355.60", "EUR"));
		assertThat(deposit.insurersTotal().plus(balance.insurersTotal())).isEqualTo(Money.of("6860.00", "EUR"));
		assertThat(deposit.patientTotal().plus(balance.patientTotal())).isEqualTo(Money.of("3648.00", "EUR"));
	}

	@Test
	void depositsNeverExceedTheQuote() {
		Quote quote = InvoiceFixtures.accepted(hipStay);
		assertThatThrownBy(() -> InvoiceDraft.deposit(quote, quote.accepted(), Money.of("10000.00", "EUR"),
				Money.of("508.01", "EUR")))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("exceeds the 9999.99 EUR of quote");
	}

	@Test
	void aBalanceOfFewerActsThanTheDepositsIsRefused() {
		Quote quote = InvoiceFixtures.accepted(hipStay);
		Invoice deposit = InvoiceFixtures
			.issued(InvoiceDraft.deposit(quote, quote.accepted(), Money.of("5000.00", "EUR"), Money.zero(eur())), 1);
		assertThatThrownBy(() -> Invoice.issue(UUID.randomUUID(), new DocumentNumber(2026, 2),
				InvoiceDraft.balance(quote, quote.accepted(), Set.of(2), List.of(deposit), List.of()),
				java.time.LocalDate.parse("2026-12-20"), NOW))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void paymentsCreditNotesAndRefundsMoveTheBalanceAndTheInvoiceSettlesOnce() {
		Invoice invoice = InvoiceFixtures.full(hipStay);
		Invoice.Change paid = invoice.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_1", null,
				Money.of("3648.00", "EUR"), NOW, NOW);
		assertThat(paid.invoice().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
		assertThat(paid.events()).singleElement().isInstanceOf(PaymentReceived.class);

		UUID insurer = invoice.lines().getFirst().shares().getFirst().insurerId();
		Invoice.Change settled = paid.invoice()
			.pay(UUID.randomUUID(), PaymentMethod.INSURER_SETTLEMENT, "inami", "batch-7", insurer,
					Money.of("6860.00", "EUR"), NOW, NOW);
		assertThat(settled.invoice().balance()).isEqualTo(Money.zero(eur()));
		assertThat(settled.invoice().status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(settled.events()).hasSize(2).last().isInstanceOf(InvoiceSettled.class);

		Invoice.Change refunded = settled.invoice().refund(UUID.randomUUID(), null, Money.of("100.00", "EUR"), NOW);
		assertThat(refunded.events()).singleElement().isInstanceOf(PaymentRefunded.class);
		assertThat(refunded.invoice().status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);

		Invoice.Change credited = refunded.invoice()
			.credit(UUID.randomUUID(), new DocumentNumber(2026, 2), CreditReason.COMMERCIAL_GESTURE,
					Money.of("100.00", "EUR"), NOW);
		assertThat(credited.invoice().balance()).isEqualTo(Money.zero(eur()));
		// Settled once: the balance reached zero before.
		assertThat(credited.events()).singleElement()
			.isInstanceOfSatisfying(CreditNoteIssued.class,
					event -> assertThat(event.balanceAmount()).isEqualTo("0.00"));
	}

	@Test
	void nothingIsPaidCreditedOrRefundedBeyondWhatTheBalanceAllows() {
		Invoice invoice = InvoiceFixtures.full(hipStay);
		assertThatThrownBy(() -> invoice.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_2", null,
				Money.of("10508.01", "EUR"), NOW, NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.problemType()).isEqualTo("payment-exceeds-balance"));
		Invoice paid = invoice
			.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_3", null, Money.of("10000.00", "EUR"), NOW, NOW)
			.invoice();
		assertThatThrownBy(() -> paid.credit(UUID.randomUUID(), new DocumentNumber(2026, 3), CreditReason.BILLING_ERROR,
				Money.of("508.01", "EUR"), NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.problemType()).isEqualTo("credit-exceeds-balance"));
		assertThatThrownBy(() -> paid.refund(UUID.randomUUID(), null, Money.of("10000.01", "EUR"), NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.problemType()).isEqualTo("refund-exceeds-paid"));
	}

	@Test
	void theSameReferenceAgainChangesNothingButWithAnotherAmountConflicts() {
		Invoice invoice = InvoiceFixtures.full(hipStay);
		Invoice paid = invoice
			.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_4", null, Money.of("100.00", "EUR"), NOW, NOW)
			.invoice();

		Invoice.Change again = paid.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_4", null,
				Money.of("100.00", "EUR"), NOW, NOW);
		assertThat(again.added()).isNull();
		assertThat(again.events()).isEmpty();
		assertThat(again.invoice()).isSameAs(paid);
		assertThatThrownBy(() -> paid.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ch_4", null,
				Money.of("100.01", "EUR"), NOW, NOW))
			.isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.problemType()).isEqualTo("payment-reference-used"));
	}

	@Test
	void anInvoiceWhollyCreditedIsCredited() {
		Invoice invoice = InvoiceFixtures.full(hipStay);
		Invoice.Change credited = invoice.credit(UUID.randomUUID(), new DocumentNumber(2026, 2),
				CreditReason.CANCELLED_CARE, invoice.total(), NOW);
		assertThat(credited.invoice().status()).isEqualTo(InvoiceStatus.CREDITED);
		assertThat(credited.events()).hasSize(2).last().isInstanceOf(InvoiceSettled.class);
	}

	private static java.util.Currency eur() {
		return java.util.Currency.getInstance("EUR");
	}

}
