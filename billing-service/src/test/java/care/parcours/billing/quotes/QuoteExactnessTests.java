package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import care.parcours.billing.BillingFixtures;
import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Nomenclature;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.billing.coverage.CoverageCalculator;
import care.parcours.billing.coverage.CoverageFixtures;
import care.parcours.billing.coverage.CoverageRule;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.billing.coverage.InsurerKind;
import care.parcours.billing.coverage.Policy;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of a quote's arithmetic over drawn quotes (ADR 0006: fixed seeds, no
 * shrinking; a failure prints its seed and the quote drawn): each line is rounded
 * half-even on its own, totals are the sums of the lines, and what insurers and the
 * patient pay adds up to each line and to the total, to the minor unit.
 */
class QuoteExactnessTests {

	private static final List<Currency> CURRENCIES = Stream.of("EUR", "JPY", "KWD", "BHD", "CHF", "MAD")
		.map(Currency::getInstance)
		.toList();

	private static final BigDecimal[] VAT_RATES = { new BigDecimal("5.5"), new BigDecimal("6"), new BigDecimal("10"),
			new BigDecimal("20"), new BigDecimal("21"), new BigDecimal("27") };

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	static LongStream seeds() {
		return LongStream.range(0, 300);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void eachLineIsRoundedHalfEvenOnItsOwnAndTotalsAreTheSumsOfTheLines(long seed) {
		Drawn drawn = Drawn.of(seed);
		Terms terms = drawn.terms();

		String said = "seed %d: %s".formatted(seed, drawn);
		Money sum = Money.zero(drawn.currency());
		for (QuoteLine line : terms.lines()) {
			int decimals = drawn.currency().getDefaultFractionDigits();
			BigDecimal gross = line.unitPrice()
				.amount()
				.multiply(line.quantity())
				.setScale(decimals, RoundingMode.HALF_EVEN);
			BigDecimal discount = gross.multiply(line.discountPercent())
				.divide(HUNDRED)
				.setScale(decimals, RoundingMode.HALF_EVEN);
			BigDecimal vat = gross.subtract(discount)
				.multiply(line.vatRate().percent())
				.divide(HUNDRED)
				.setScale(decimals, RoundingMode.HALF_EVEN);
			assertThat(line.gross().amount()).as(said).isEqualByComparingTo(gross);
			assertThat(line.discount().amount()).as(said).isEqualByComparingTo(discount);
			assertThat(line.vat().amount()).as(said).isEqualByComparingTo(vat);
			assertThat(line.total().amount()).as(said).isEqualByComparingTo(gross.subtract(discount).add(vat));
			sum = sum.plus(line.total());
		}
		assertThat(terms.total()).as(said).isEqualTo(sum);
		assertThat(terms.net().plus(terms.vat())).as(said).isEqualTo(terms.total());
		assertThat(terms.split().total()).as(said).isEqualTo(terms.total());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void insurersAndThePatientPayEachLineAndTheTotalToTheMinorUnit(long seed) {
		Drawn drawn = Drawn.of(seed);
		CoverageSplit split = drawn.terms().split();

		String said = "seed %d: %s gave %s".formatted(seed, drawn, split);
		for (CoverageSplit.LineSplit line : split.lines()) {
			assertThat(line.shares()).as(said).allSatisfy(share -> assertThat(share.amount().isNegative()).isFalse());
			assertThat(line.patient().isNegative()).as(said).isFalse();
			assertThat(line.insurers().plus(line.patient())).as(said).isEqualTo(line.total());
		}
		assertThat(split.insurersTotal().plus(split.patientTotal())).as(said).isEqualTo(drawn.terms().total());
		drawn.approved()
			.forEach((policy, cap) -> assertThat(cap.minus(split.shareOf(policy)).isNegative()).as(said).isFalse());
	}

	/**
	 * The drawn quotes are not vacuous: insurers pay, ceilings and deductibles bite,
	 * approvals cap shares, and lines need rounding.
	 */
	@Test
	void theDrawsCoverWhatTheyAreMeantTo() {
		int insured = 0;
		int capped = 0;
		int rounded = 0;
		for (long seed : seeds().toArray()) {
			Drawn drawn = Drawn.of(seed);
			Terms terms = drawn.terms();
			if (terms.split().insurersTotal().amount().signum() > 0) {
				insured++;
			}
			if (!drawn.approved().isEmpty()) {
				capped++;
			}
			if (terms.lines()
				.stream()
				.anyMatch(
						line -> line.unitPrice().amount().multiply(line.quantity()).stripTrailingZeros().scale() > line
							.unitPrice()
							.amount()
							.scale())) {
				rounded++;
			}
		}
		assertThat(insured).isGreaterThan(150);
		assertThat(capped).isGreaterThan(50);
		assertThat(rounded).isGreaterThan(50);
	}

	/** A quote drawn from a seed: its lines, the patient's policies and approvals. */
	record Drawn(Currency currency, List<QuoteFixtures.Asked> lines, List<Policy> policies, Map<UUID, Money> approved) {

		static Drawn of(long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
			List<QuoteFixtures.Asked> lines = new ArrayList<>();
			for (int i = random.nextInt(1, 9); i > 0; i--) {
				lines.add(line(random, currency));
			}
			List<Policy> policies = new ArrayList<>();
			Map<UUID, Money> approved = new HashMap<>();
			for (int i = random.nextInt(0, 4); i > 0; i--) {
				Policy policy = policy(random, currency);
				policies.add(policy);
				if (random.nextInt(3) == 0) {
					approved.put(policy.id(), Money.ofMinor(random.nextLong(0, 2_000_000), currency));
				}
			}
			return new Drawn(currency, lines, policies, approved);
		}

		Terms terms() {
			return QuoteFixtures.terms("en", currency.getCurrencyCode(), java.time.LocalDate.parse("2026-12-15"), lines,
					policies, approved);
		}

		private static QuoteFixtures.Asked line(SplittableRandom random, Currency currency) {
			ItemKind kind = ItemKind.values()[random.nextInt(ItemKind.values().length)];
			BillableItem item = BillingFixtures.item(kind,
					kind == ItemKind.MEDICAL_ACT ? Nomenclature.CCAM : Nomenclature.PARCOURS,
					kind == ItemKind.MEDICAL_ACT ? "NEKA020" : "ITEM-" + kind.ordinal(), "fr", "en", "nl");
			long minor = random.nextInt(5) == 0 ? new long[] { 0, 1, 5, 99_999_999L }[random.nextInt(4)]
					: random.nextLong(0, 5_000_000);
			// Halves of an odd price fall exactly between two minor units: where
			// half-even and
			// half-up part ways.
			String quantity = switch (random.nextInt(3)) {
				case 0 -> Integer.toString(random.nextInt(1, 31));
				case 1 -> random.nextInt(0, 20) + ".5";
				default -> BigDecimal.valueOf(random.nextInt(1, 100_000), 3).toPlainString();
			};
			String discount = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(0, 10_001), 2).toPlainString()
					: "0";
			BigDecimal vat = kind.vatExempt() ? BigDecimal.ZERO : random.nextBoolean()
					? VAT_RATES[random.nextInt(VAT_RATES.length)] : BigDecimal.valueOf(random.nextInt(0, 3_001), 2);
			return new QuoteFixtures.Asked(item, quantity, Money.ofMinor(minor, currency).amount().toPlainString(),
					discount, vat.toPlainString());
		}

		private static Policy policy(SplittableRandom random, Currency currency) {
			List<CoverageRule> rules = new ArrayList<>();
			for (ItemKind kind : ItemKind.values()) {
				if (random.nextInt(3) > 0) {
					Money ceiling = random.nextBoolean() ? null
							: Money.ofMinor(random.nextLong(0, 1_000_000), currency);
					rules.add(new CoverageRule(kind, BigDecimal.valueOf(random.nextInt(0, 10_001), 2), ceiling,
							random.nextInt(4) == 0));
				}
			}
			Money deductible = random.nextBoolean() ? Money.zero(currency)
					: Money.ofMinor(random.nextLong(0, 500_000), currency);
			return CoverageFixtures.policy(InsurerKind.values()[random.nextInt(InsurerKind.values().length)],
					deductible, rules, Instant.EPOCH.plusSeconds(random.nextInt(1000)));
		}

	}

}
