package care.parcours.patient.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BelgianNationalNumberTests {

	@Test
	void checkDigitsAre97MinusTheFirstNineDigitsModulo97() {
		// 850730033: 850730033 mod 97 = 69, 97 - 69 = 28.
		assertThat(new BelgianNationalNumber("85.07.30-033.28").value()).isEqualTo("85073003328");
	}

	@Test
	void peopleBornFrom2000AreCheckedWithALeadingTwo() {
		// Born 1 January 2000: (2 000 000 000 + 000101001) mod 97 = 92, 97 - 92 = 5.
		assertThat(new BelgianNationalNumber("00.01.01-001.05").value()).isEqualTo("00010100105");
		// The same digits under the pre-2000 rule (key 73) are someone born in 1900.
		assertThat(new BelgianNationalNumber("00010100173").value()).isEqualTo("00010100173");
	}

	@ParameterizedTest
	@ValueSource(strings = { "85073003327", "85073003329", "00010100106", "85073103328" })
	void wrongCheckDigitsAreRefusedWithoutRepeatingTheNumber(String number) {
		assertThatThrownBy(() -> new BelgianNationalNumber(number)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("check digits")
			.hasMessageNotContaining(number.substring(0, 6));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "8507300332", "850730033288", "85O73003328" })
	void aNumberOfTheWrongShapeIsRefused(String number) {
		assertThatThrownBy(() -> new BelgianNationalNumber(number)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("11 digits");
	}

}
