package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The report's month, language and rates, without Spring. */
class ReportMonthTests {

	/** The last second of March 2026, UTC (already April in Paris and Brussels). */
	static final Clock END_OF_MARCH = Clock.fixed(Instant.parse("2026-03-31T23:59:59Z"), ZoneOffset.UTC);

	@Test
	void theCurrentUtcMonthAndThePastAreReportable() {
		assertThat(ReportMonth.parse("2026-03", END_OF_MARCH).value()).isEqualTo(YearMonth.of(2026, 3));
		assertThat(ReportMonth.parse("1999-12", END_OF_MARCH).value()).isEqualTo(YearMonth.of(1999, 12));
	}

	@Test
	void aMonthNotBegunInUtcIsRefused() {
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> ReportMonth.parse("2026-04", END_OF_MARCH))
			.satisfies(refusal -> assertThat(refusal.problemType()).isEqualTo("month-in-future"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-3", "2026-00", "2026-13", "26-03", "2026/03", "2026-03-01", "", " 2026-03" })
	void aMalformedMonthIsInvalid(String text) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> ReportMonth.parse(text, END_OF_MARCH))
			.satisfies(refusal -> assertThat(refusal.problemType()).isEqualTo("invalid-month"));
	}

	@Test
	void theLanguageParameterWinsThenTheFirstAcceptedWeHaveThenEnglish() {
		assertThat(ReportLanguage.of("NL", locales("fr"))).isEqualTo(ReportLanguage.NL);
		assertThat(ReportLanguage.of(null, locales("de", "nl-BE", "fr"))).isEqualTo(ReportLanguage.NL);
		assertThat(ReportLanguage.of(null, locales("de"))).isEqualTo(ReportLanguage.EN);
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> ReportLanguage.of("de", locales()));
	}

	@Test
	void everyFigureHasALabelInEveryLanguage() {
		PartnerMonth empty = new PartnerMonth(UUID.randomUUID(), "2026-03", PartnerMonth.Delay.NONE,
				PartnerMonth.Quotes.of(0, 0), PartnerMonth.Delay.NONE, PartnerMonth.Appointments.of(0, 0, 0, 0),
				List.of(new PartnerMonth.Amounts("EUR", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00")));
		for (ReportLanguage language : ReportLanguage.values()) {
			assertThat(empty.figures()).allSatisfy(figure -> assertThat(language.labels()).containsKey(figure.key()));
		}
	}

	@Test
	void everyLanguageLabelsTheSameKeysWithItsAccentsIntact() {
		for (ReportLanguage language : ReportLanguage.values()) {
			assertThat(language.labels().keySet()).isEqualTo(ReportLanguage.EN.labels().keySet());
		}
		assertThat(ReportLanguage.FR.label("label")).isEqualTo("Libellé");
		assertThat(ReportLanguage.NL.label("money.credited")).isEqualTo("Creditnota's");
	}

	@Test
	void ratesHaveFourDecimalsRoundedHalfUpAndNoneWithoutADenominator() {
		assertThat(PartnerMonth.rate(2, 3)).isEqualTo(new BigDecimal("0.6667"));
		assertThat(PartnerMonth.rate(1, 8)).isEqualTo(new BigDecimal("0.1250"));
		assertThat(PartnerMonth.rate(0, 0)).isNull();
	}

	static Enumeration<Locale> locales(String... tags) {
		return Collections.enumeration(Arrays.stream(tags).map(Locale::forLanguageTag).toList());
	}

}
