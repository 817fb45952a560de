package care.parcours.billing.quotes;

import java.math.BigDecimal;

import care.parcours.billing.BillingFixtures;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteLineTests {

	@Test
	void eachAmountOfALineIsRoundedHalfEvenToTheMinorUnit() {
		// 2.5 x 0.05 = 0.125 -> 0.12 (the even neighbour); VAT 21 % of 0.12 = 0.0252 ->
		// 0.03
		QuoteLine line = line("2.5", "0.05", "0", "21", "EUR");
		assertThat(line.gross()).isEqualTo(Money.of("0.12", "EUR"));
		assertThat(line.vat()).isEqualTo(Money.of("0.03", "EUR"));
		assertThat(line.total()).isEqualTo(Money.of("0.15", "EUR"));

		// 1.5 x 0.05 = 0.075 -> 0.08; VAT 5.5 % of 10.10 = 0.5555 -> 0.56
		assertThat(line("1.5", "0.05", "0", "0", "EUR").gross()).isEqualTo(Money.of("0.08", "EUR"));
		assertThat(line("1", "10.10", "0", "5.5", "EUR").vat()).isEqualTo(Money.of("0.56", "EUR"));
	}

	@Test
	void theDiscountIsTakenBeforeVatAndRoundedOnItsOwn() {
		// 3 x 120.00 = 360.00, 12.5 % off = 45.00, net 315.00, VAT 10 % = 31.50
		QuoteLine line = line("3", "120.00", "12.5", "10", "EUR");

		assertThat(line.discount()).isEqualTo(Money.of("45.00", "EUR"));
		assertThat(line.net()).isEqualTo(Money.of("315.00", "EUR"));
		assertThat(line.total()).isEqualTo(Money.of("346.50", "EUR"));
	}

	@Test
	void currenciesKeepTheirOwnMinorUnit() {
		assertThat(line("1.5", "1001", "0", "10", "JPY").total()).isEqualTo(Money.of("1652", "JPY"));
		assertThat(line("1", "1.005", "0", "5", "KWD").vat()).isEqualTo(Money.of("0.050", "KWD"));
	}

	@Test
	void aZeroOrNegativeQuantityIsRefusedNamingTheLine() {
		assertThatThrownBy(() -> line("0", "10.00", "0", "20", "EUR")).isInstanceOf(InvalidRequestException.class)
			.extracting(ex -> ((InvalidRequestException) ex).properties().get("errors"))
			.asString()
			.contains("lines[0].quantity");
		assertThatThrownBy(() -> line("-1", "10.00", "0", "20", "EUR")).isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aMedicalActCarriesNoVat() {
		assertThatThrownBy(() -> QuoteLine.price(1, BillingFixtures.hipReplacement(), "fr", BigDecimal.ONE,
				Money.of("100.00", "EUR"), BigDecimal.ZERO, new VatRate(new BigDecimal("20"))))
			.isInstanceOf(InvalidRequestException.class)
			.extracting(ex -> ((InvalidRequestException) ex).properties().get("errors"))
			.asString()
			.contains("exempt");
	}

	@Test
	void theLabelIsInTheQuotesLanguage() {
		assertThat(QuoteLine
			.price(1, BillingFixtures.hipReplacement(), "nl", BigDecimal.ONE, Money.of("100.00", "EUR"),
					BigDecimal.ZERO, VatRate.EXEMPT)
			.label()).isEqualTo("Totale heupprothese");
	}

	private static QuoteLine line(String quantity, String price, String discount, String vat, String currency) {
		return QuoteLine.price(1, BillingFixtures.hotelNight(), "en", new BigDecimal(quantity),
				Money.of(price, currency), new BigDecimal(discount), new VatRate(new BigDecimal(vat)));
	}

}
