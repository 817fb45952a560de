package care.parcours.billing.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import care.parcours.billing.BillingFixtures;
import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Nomenclature;
import care.parcours.billing.coverage.CoverageFixtures;
import care.parcours.billing.coverage.CoverageRule;
import care.parcours.billing.coverage.InsurerKind;
import care.parcours.billing.coverage.Policy;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteFixtures;
import care.parcours.billing.quotes.Terms;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.platform.domain.DomainException;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of invoices over drawn quotes and drawn sequences of payments, refunds and
 * credit notes (ADR 0006: fixed seeds, no shrinking; a failure names its seed and step):
 * deposits and balances share the quote out to the minor unit in every currency (JPY with
 * no decimals, KWD with three), and no sequence leaves a balance below zero, above the
 * total, or other than total - paid + refunded - credited, nor settles an invoice twice.
 */
class InvoiceBalanceTests {

	private static final List<Currency> CURRENCIES = Stream.of("EUR", "JPY", "KWD").map(Currency::getInstance).toList();

	private static final Instant NOW = InvoiceFixtures.NOW;

	static LongStream seeds() {
		return LongStream.range(0, 300);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void depositsAndTheBalanceShareTheQuoteOutToTheMinorUnit(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Terms terms = terms(random);
		Quote quote = InvoiceFixtures.accepted(terms);
		Money total = terms.total();
		String said = "seed " + seed + ": " + terms.lines().size() + " lines, " + total;
		if (total.amount().signum() == 0) {
			return;
		}
		List<Invoice> deposits = new ArrayList<>();
		Money invoiced = Money.zero(total.currency());
		for (int i = random.nextInt(0, 3); i > 0 && invoiced.minorUnits() < total.minorUnits(); i--) {
			Money amount = Money.ofMinor(random.nextLong(1, total.minorUnits() - invoiced.minorUnits() + 1),
					total.currency());
			Invoice deposit = InvoiceFixtures.issued(InvoiceDraft.deposit(quote, quote.accepted(), amount, invoiced),
					deposits.size() + 1);
			assertThat(deposit.total()).as(said).isEqualTo(amount);
			deposits.add(deposit);
			invoiced = invoiced.plus(amount);
		}
		Money insurers = deposits.stream()
			.map(Invoice::insurersTotal)
			.reduce(Money.zero(total.currency()), Money::plus);
		Money patient = deposits.stream().map(Invoice::patientTotal).reduce(Money.zero(total.currency()), Money::plus);
		if (invoiced.equals(total)) {
			assertThat(insurers.plus(patient)).as(said).isEqualTo(total);
			return;
		}
		Invoice balance = InvoiceFixtures
			.issued(InvoiceDraft.balance(quote, quote.accepted(), Set.of(), deposits, List.of(UUID.randomUUID())), 9);
		for (InvoiceLine line : balance.lines()) {
			assertThat(line.insurers().plus(line.patient())).as(said).isEqualTo(line.total());
			assertThat(line.net().plus(line.vat())).as(said).isEqualTo(line.total());
		}
		assertThat(invoiced.plus(balance.total())).as(said).isEqualTo(total);
		assertThat(insurers.plus(balance.insurersTotal())).as(said).isEqualTo(terms.split().insurersTotal());
		assertThat(patient.plus(balance.patientTotal())).as(said).isEqualTo(terms.split().patientTotal());
		assertThat(balance.insurersTotal().isNegative() || balance.patientTotal().isNegative()).as(said).isFalse();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void noSequenceOfPaymentsRefundsAndCreditNotesLeavesAnInconsistentBalance(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Terms terms = terms(random);
		if (terms.total().amount().signum() == 0) {
			return;
		}
		Invoice invoice = InvoiceFixtures.full(terms);
		Money total = invoice.total();
		int settlements = 0;
		boolean reachedZero = false;
		for (int step = 0; step < 40; step++) {
			String said = "seed " + seed + ", step " + step + ", " + invoice.movements();
			Money amount = Money.ofMinor(random.nextLong(1, total.minorUnits() / 2 + 2), total.currency());
			Invoice.Change change;
			try {
				change = switch (random.nextInt(4)) {
					case 0, 1 -> invoice.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "ref-" + step, null,
							amount, NOW, NOW);
					case 2 -> invoice.refund(UUID.randomUUID(), null, amount, NOW);
					default -> invoice.credit(UUID.randomUUID(), new DocumentNumber(2026, step + 2),
							CreditReason.BILLING_ERROR, amount, NOW);
				};
			}
			catch (DomainException refused) {
				// A refusal changes nothing: the invoice stays as it was.
				continue;
			}
			settlements += (int) change.events().stream().filter(InvoiceSettled.class::isInstance).count();
			invoice = change.invoice();
			Money balance = invoice.balance();
			reachedZero |= balance.amount().signum() == 0;
			assertThat(balance).as(said)
				.isEqualTo(total.minus(invoice.paid()).plus(invoice.refunded()).minus(invoice.credited()));
			assertThat(balance.isNegative()).as(said).isFalse();
			assertThat(total.minus(balance).isNegative()).as(said).isFalse();
			assertThat(invoice.paid().minus(invoice.refunded()).isNegative()).as(said).isFalse();
			assertThat(invoice.status()).as(said).isEqualTo(expectedStatus(invoice));
		}
		assertThat(settlements).as("seed " + seed).isEqualTo(reachedZero ? 1 : 0);
		assertThat(invoice.settledAt() != null).as("seed " + seed).isEqualTo(reachedZero);
	}

	/** The draws are not vacuous: sequences settle invoices, and refusals happen. */
	@Test
	void theDrawsSettleSomeInvoicesAndCoverEveryCurrency() {
		int settled = 0;
		for (long seed : seeds().toArray()) {
			SplittableRandom random = new SplittableRandom(seed);
			Terms terms = terms(random);
			if (terms.total().amount().signum() == 0) {
				continue;
			}
			Invoice invoice = InvoiceFixtures.full(terms);
			Invoice.Change paid = invoice.pay(UUID.randomUUID(), PaymentMethod.CARD, "acme-pay", "all", null,
					invoice.total(), NOW, NOW);
			settled += paid.invoice().settledAt() != null ? 1 : 0;
		}
		assertThat(settled).isGreaterThan(250);
		assertThat(seeds().mapToObj(seed -> terms(new SplittableRandom(seed)).currency()).distinct())
			.containsExactlyInAnyOrderElementsOf(CURRENCIES);
	}

	private static InvoiceStatus expectedStatus(Invoice invoice) {
		if (invoice.balance().equals(invoice.total())) {
			return InvoiceStatus.ISSUED;
		}
		if (invoice.balance().amount().signum() > 0) {
			return InvoiceStatus.PARTIALLY_PAID;
		}
		return invoice.paid().equals(invoice.refunded()) ? InvoiceStatus.CREDITED : InvoiceStatus.PAID;
	}

	/** A quote's terms drawn from a seed: lines of any kind, and up to three policies. */
	private static Terms terms(SplittableRandom random) {
		Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
		List<QuoteFixtures.Asked> lines = new ArrayList<>();
		for (int i = random.nextInt(1, 7); i > 0; i--) {
			ItemKind kind = ItemKind.values()[random.nextInt(ItemKind.values().length)];
			BillableItem item = BillingFixtures.item(kind,
					kind == ItemKind.MEDICAL_ACT ? Nomenclature.CCAM : Nomenclature.PARCOURS,
					kind == ItemKind.MEDICAL_ACT ? "NEKA020" : "ITEM-" + kind.ordinal(), "fr", "en", "nl");
			String vat = kind.vatExempt() ? "0" : BigDecimal.valueOf(random.nextInt(0, 2_101), 2).toPlainString();
			lines.add(new QuoteFixtures.Asked(item, Integer.toString(random.nextInt(1, 5)),
					Money.ofMinor(random.nextLong(1, 3_000_000), currency).amount().toPlainString(), "0", vat));
		}
		List<Policy> policies = new ArrayList<>();
		for (int i = random.nextInt(0, 4); i > 0; i--) {
			List<CoverageRule> rules = new ArrayList<>();
			for (ItemKind kind : ItemKind.values()) {
				if (random.nextBoolean()) {
					rules.add(new CoverageRule(kind, BigDecimal.valueOf(random.nextInt(0, 10_001), 2), null, false));
				}
			}
			policies.add(CoverageFixtures.policy(InsurerKind.values()[random.nextInt(InsurerKind.values().length)],
					Money.zero(currency), rules, Instant.EPOCH.plusSeconds(random.nextInt(1000))));
		}
		return QuoteFixtures.terms("en", currency.getCurrencyCode(), LocalDate.parse("2026-12-15"), lines, policies,
				Map.of());
	}

}
