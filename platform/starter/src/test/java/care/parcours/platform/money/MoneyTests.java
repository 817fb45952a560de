package care.parcours.platform.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import care.parcours.platform.web.StrictJsonConfiguration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	/** The mapper the services get: Boot's, with the starter's strict JSON settings. */
	private static final JsonMapper json = servicesMapper();

	@Property
	void theSharesOfAnAllocationAddUpToTheWhole(@ForAll("amounts") Money whole,
			@ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000) Long> weights) {
		long[] ratios = weights.stream().mapToLong(Long::longValue).toArray();
		if (weights.stream().allMatch(weight -> weight == 0)) {
			ratios[0] = 1;
		}

		List<Money> shares = whole.allocate(ratios);

		assertThat(shares).hasSize(ratios.length);
		assertThat(shares.stream().reduce(Money.zero(whole.currency()), Money::plus)).isEqualTo(whole);
	}

	@Property
	void eachShareIsWithinOneMinorUnitOfItsExactProportion(@ForAll("amounts") Money whole,
			@ForAll @IntRange(min = 1, max = 12) int parts) {
		List<Money> shares = whole.split(parts);

		long exact = whole.minorUnits() / parts;
		assertThat(shares).allSatisfy(share -> assertThat(Math.abs(share.minorUnits() - exact)).isLessThanOrEqualTo(1));
	}

	@Property
	void minusUndoesPlus(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
		Money other = Money.ofMinor(b.minorUnits(), a.currency());

		assertThat(a.plus(other).minus(other)).isEqualTo(a);
		assertThat(a.minus(other).plus(other)).isEqualTo(a);
	}

	@Property
	void timesIsRepeatedAddition(@ForAll("amounts") Money price, @ForAll @IntRange(min = 0, max = 20) int quantity) {
		Money added = Money.zero(price.currency());
		for (int i = 0; i < quantity; i++) {
			added = added.plus(price);
		}

		assertThat(price.times(quantity)).isEqualTo(added);
	}

	@Property
	void jsonGivesBackTheSameAmount(@ForAll("amounts") Money money) {
		assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
	}

	@Test
	void theAmountKeepsTheCurrencysDecimals() {
		assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
		assertThat(Money.of("12.500", "EUR")).isEqualTo(Money.ofMinor(1250, EUR));
		assertThat(Money.of("1200", "JPY").minorUnits()).isEqualTo(1200);
		assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1234);
	}

	@Test
	void anAmountFinerThanTheCurrencysMinorUnitIsRefusedNotRounded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("12.505", "EUR"))
			.withMessageContaining("at most 2 decimals in EUR");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("100.5", "JPY"));
	}

	@Test
	void unknownCurrenciesAndCurrenciesWithoutMinorUnitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "EUX"))
			.withMessageContaining("ISO 4217");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "XAU"));
	}

	@Test
	void anAbsurdExponentIsRefusedBeforeItIsExpanded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1e999999999", "EUR"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1".repeat(100_000), "EUR"));
	}

	@Test
	void currenciesDoNotMix() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "CHF")))
			.withMessage("cannot combine EUR with CHF");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "EUR").minus(Money.of("1.00", "CHF")));
	}

	@Test
	void splittingGivesTheLeftoverMinorUnitsToTheFirstShares() {
		assertThat(Money.of("10.00", "EUR").split(3)).containsExactly(Money.of("3.34", "EUR"), Money.of("3.33", "EUR"),
				Money.of("3.33", "EUR"));
		assertThat(Money.of("-10.00", "EUR").split(3)).containsExactly(Money.of("-3.34", "EUR"),
				Money.of("-3.33", "EUR"), Money.of("-3.33", "EUR"));
		assertThat(Money.of("0.05", "EUR").allocate(0, 1, 1)).containsExactly(Money.of("0", "EUR"),
				Money.of("0.03", "EUR"), Money.of("0.02", "EUR"));
	}

	@Test
	void onTheWireTheAmountIsAString() {
		assertThat(json.writeValueAsString(Money.of("12.5", "EUR")))
			.isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
		assertThat(json.readValue("{\"amount\": \"12.50\", \"currency\": \"EUR\"}", Money.class))
			.isEqualTo(Money.ofMinor(1250, EUR));
	}

	@Test
	void onTheWireANumberOrAFinerAmountIsRefused() {
		assertThatException()
			.isThrownBy(() -> json.readValue("{\"amount\": 12.50, \"currency\": \"EUR\"}", Money.class));
		assertThatException()
			.isThrownBy(() -> json.readValue("{\"amount\": \"12.505\", \"currency\": \"EUR\"}", Money.class))
			.isInstanceOf(ValueInstantiationException.class)
			.withMessageContaining("at most 2 decimals");
		assertThatException().isThrownBy(() -> json.readValue("{\"amount\": \"12.50\"}", Money.class))
			.withMessageContaining("must have an amount");
	}

	private static JsonMapper servicesMapper() {
		AtomicReference<JsonMapper> mapper = new AtomicReference<>();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StrictJsonConfiguration.class, JacksonAutoConfiguration.class))
			.run(context -> mapper.set(context.getBean(JsonMapper.class)));
		return mapper.get();
	}

	@Provide
	Arbitrary<Money> amounts() {
		Arbitrary<Currency> currencies = Arbitraries.of("EUR", "CHF", "JPY", "BHD", "XOF").map(Currency::getInstance);
		Arbitrary<Long> minorUnits = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
		return Combinators.combine(minorUnits, currencies).as(Money::ofMinor);
	}

}
