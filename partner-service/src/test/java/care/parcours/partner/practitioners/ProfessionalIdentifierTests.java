package care.parcours.partner.practitioners;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfessionalIdentifierTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			RPPS,  10003456786,     10003456786
			RPPS,  10012345673,     10012345673
			RPPS,  '100 0345 6786', 10003456786
			INAMI, 12345625580,     12345625580
			INAMI, 1-23456-25-580,  12345625580
			INAMI, 1.98765.85.000,  19876585000
			INAMI, 17654333004,     17654333004
			""")
	void numbersWithValidCheckDigitsAreKeptAsElevenDigits(IdentifierType type, String given, String stored) {
		assertThat(new ProfessionalIdentifier(type, given).value()).isEqualTo(stored);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			RPPS,  10003456787,  check digits
			RPPS,  10003456,     11 digits
			RPPS,  1000345678A,  11 digits
			INAMI, 12345626580,  check digits
			INAMI, 123456255800, 11 digits
			""")
	void otherNumbersAreRefusedSayingWhy(IdentifierType type, String given, String reason) {
		assertThatThrownBy(() -> new ProfessionalIdentifier(type, given)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(reason);
	}

}
