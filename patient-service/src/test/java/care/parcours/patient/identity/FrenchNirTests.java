package care.parcours.patient.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrenchNirTests {

	@Test
	void theKeyIs97MinusTheNumberModulo97() {
		// INSEE's own example: 2 55 08 14 168 025, key 38.
		assertThat(FrenchNir.keyOf("2550814168025")).isEqualTo(38);
		assertThat(new FrenchNir("2 55 08 14 168 025 38").value()).isEqualTo("255081416802538");
	}

	@Test
	void corsicanDepartmentsCountAs19And18() {
		assertThat(new FrenchNir("1 85 05 2A 004 123 56").value()).isEqualTo("185052A00412356");
		assertThat(new FrenchNir("185052b00412383").value()).isEqualTo("185052B00412383");
		// The 2A key does not hold for 2B, nor the other way round.
		assertThatThrownBy(() -> new FrenchNir("185052B00412356")).hasMessageContaining("key");
		assertThatThrownBy(() -> new FrenchNir("185052A00412383")).hasMessageContaining("key");
	}

	@Test
	void anUnknownMonthOfBirthIsAllowedAsINSEEWritesIt() {
		String thirteen = "1853099123456";
		assertThat(new FrenchNir(thirteen + "%02d".formatted(FrenchNir.keyOf(thirteen))).value()).startsWith("18530");
	}

	@ParameterizedTest
	@ValueSource(strings = { "255081416802539", "255081416802537", "355081416802538" })
	void aWrongKeyIsRefusedWithoutRepeatingTheNumber(String nir) {
		assertThatThrownBy(() -> new FrenchNir(nir)).isInstanceOf(InvalidField.class)
			.hasMessageNotContaining(nir.substring(0, 6))
			.hasMessageContaining("key");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "25508141680253", "2550814168025388", "555081416802538", "255131416802538",
			"25508141680X538", "255082C16802538" })
	void aNumberOfTheWrongShapeIsRefused(String nir) {
		assertThatThrownBy(() -> new FrenchNir(nir)).isInstanceOf(InvalidField.class)
			.hasMessageContaining("15 characters");
	}

	@Test
	void itNeverPrintsTheNumber() {
		assertThat(new FrenchNir("255081416802538")).hasToString("FrenchNir[redacted]");
	}

}
