package care.parcours.billing.coverage;

import java.util.Currency;
import java.util.List;
import java.util.Map;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;

import static care.parcours.billing.coverage.CoverageFixtures.policy;
import static care.parcours.billing.coverage.CoverageFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

class CoverageCalculatorTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private static final List<CoverageCalculator.Billed> HIP_STAY = List.of(
			new CoverageCalculator.Billed(1, ItemKind.MEDICAL_ACT, Money.of("9800.00", "EUR")),
			new CoverageCalculator.Billed(2, ItemKind.HOTEL, Money.of("396.00", "EUR")),
			new CoverageCalculator.Billed(3, ItemKind.INTERPRETER, Money.of("312.00", "EUR")));

	private final Policy national = policy(InsurerKind.NATIONAL, "0", rule(ItemKind.MEDICAL_ACT, "70", null, false));

	private final Policy mutual = policy(InsurerKind.MUTUAL, "50", rule(ItemKind.MEDICAL_ACT, "100", "2000.00", false));

	private final Policy privateInsurer = policy(InsurerKind.PRIVATE_INTERNATIONAL, "0",
			rule(ItemKind.HOTEL, "50", null, true));

	@Test
	void insurersPayInTurnEachOnWhatTheOnesBeforeLeftAndThePatientTheRest() {
		// Given in the opposite order: national pays first, then mutual, then private.
		CoverageSplit split = CoverageCalculator.split(HIP_STAY, EUR, List.of(privateInsurer, mutual, national),
				Map.of());

		CoverageSplit.LineSplit hip = split.lines().get(0);
		assertThat(hip.shares()).extracting(CoverageSplit.InsurerShare::amount)
			// 70 % of 9800; then 100 % of the 2940 left, at most 2000, less the 50
			// deductible
			.containsExactly(Money.of("6860.00", "EUR"), Money.of("1950.00", "EUR"));
		assertThat(hip.patient()).isEqualTo(Money.of("990.00", "EUR"));
		assertThat(split.lines().get(1).shares()).singleElement()
			.satisfies(share -> assertThat(share.amount()).isEqualTo(Money.of("198.00", "EUR")))
			.satisfies(share -> assertThat(share.authorisationRequired()).isTrue());
		assertThat(split.lines().get(2).patient()).isEqualTo(Money.of("312.00", "EUR"));
		assertThat(split.insurersTotal()).isEqualTo(Money.of("9008.00", "EUR"));
		assertThat(split.patientTotal()).isEqualTo(Money.of("1500.00", "EUR"));
		assertThat(split.policiesNeedingAuthorisation()).containsExactly(privateInsurer.id());
	}

	@Test
	void aShareIsAllocatedWithoutLosingAMinorUnit() {
		// 33.33 % of 0.10 is 0.03333 and the rest 0.06667: the cent left over goes to the
		// first share, so 0.04 and 0.06, which add up to 0.10.
		Policy third = policy(InsurerKind.NATIONAL, "0", rule(ItemKind.FEE, "33.33", null, false));
		CoverageSplit split = CoverageCalculator.split(
				List.of(new CoverageCalculator.Billed(1, ItemKind.FEE, Money.of("0.10", "EUR"))), EUR, List.of(third),
				Map.of());

		assertThat(split.lines().get(0).insurers()).isEqualTo(Money.of("0.04", "EUR"));
		assertThat(split.lines().get(0).patient()).isEqualTo(Money.of("0.06", "EUR"));
	}

	@Test
	void anApprovalBelowTheShareScalesTheInsurersSharesDownToIt() {
		Policy acts = policy(InsurerKind.NATIONAL, "0", rule(ItemKind.MEDICAL_ACT, "80", null, true),
				rule(ItemKind.STAY_NIGHT, "80", null, true));
		List<CoverageCalculator.Billed> lines = List.of(
				new CoverageCalculator.Billed(1, ItemKind.MEDICAL_ACT, Money.of("1000.00", "EUR")),
				new CoverageCalculator.Billed(2, ItemKind.STAY_NIGHT, Money.of("500.00", "EUR")));

		CoverageSplit split = CoverageCalculator.split(lines, EUR, List.of(acts),
				Map.of(acts.id(), Money.of("900.00", "EUR")));

		// 800 and 400 requested, 900 approved: 600 and 300.
		assertThat(split.lines()).extracting(CoverageSplit.LineSplit::insurers)
			.containsExactly(Money.of("600.00", "EUR"), Money.of("300.00", "EUR"));
		assertThat(split.patientTotal()).isEqualTo(Money.of("600.00", "EUR"));
	}

	@Test
	void aPolicyInAnotherCurrencyDoesNotCoverTheQuote() {
		Policy inFrancs = policy(InsurerKind.PRIVATE_INTERNATIONAL, Money.of("0", "CHF"),
				List.of(new CoverageRule(ItemKind.MEDICAL_ACT, new java.math.BigDecimal("100"), null, false)),
				java.time.Instant.EPOCH);

		CoverageSplit split = CoverageCalculator.split(HIP_STAY, EUR, List.of(inFrancs), Map.of());

		assertThat(split.insurersTotal()).isEqualTo(Money.zero(EUR));
	}

}
