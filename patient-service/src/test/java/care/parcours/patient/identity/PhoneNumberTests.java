package care.parcours.patient.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			+33612345678          | +33612345678
			+33 6 12 34 56 78     | +33612345678
			+33 (0)6 12 34 56 78  | +33612345678
			0033 6.12.34.56.78    | +33612345678
			+32 (0)475/12.34.56   | +32475123456
			+212-612-345678       | +212612345678
			""")
	void writtenFormsBecomeE164(String written, String e164) {
		assertThat(new PhoneNumber(written).value()).isEqualTo(e164);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "06 12 34 56 78", "+0612345678", "+33 6 12", "+3361234567890123", "+33 6 12 AB 56 78", "" })
	void nationalOrMalformedNumbersAreRefused(String written) {
		assertThatThrownBy(() -> new PhoneNumber(written)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("country code");
	}

}
