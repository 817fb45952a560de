package care.parcours.patient.observations;

import care.parcours.platform.domain.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CodedConceptTests {

	@ParameterizedTest
	@ValueSource(strings = { "91936005", "387517004", "300916003", "227493005", "22298006" })
	void snomedCtIdsWithTheirVerhoeffCheckDigitAreAccepted(String code) {
		assertThat(new CodedConcept(CodeSystem.SNOMED_CT, " " + code + " ", "Allergy to penicillin").code())
			.isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "91936006", "387517040", "12345", "0091936005", "9193600X", "1234567890123456789" })
	void snomedCtIdsWithAWrongCheckDigitOrShapeAreRefusedNamingTheCode(String code) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new CodedConcept(CodeSystem.SNOMED_CT, code, "Allergy"))
			.satisfies(refusal -> {
				assertThat(refusal.properties().get("errors").toString()).contains("field=code");
				assertThat(refusal.getMessage()).doesNotContain(code);
			});
	}

	@ParameterizedTest
	@CsvSource({ "N, N", "n02, N02", "N02B, N02B", "N02BE, N02BE", "n02be01, N02BE01", "J01CA04, J01CA04" })
	void atcCodesOfEveryLevelAreAcceptedUpperCased(String code, String normalised) {
		assertThat(new CodedConcept(CodeSystem.ATC, code, "Paracetamol").code()).isEqualTo(normalised);
	}

	@ParameterizedTest
	@ValueSource(strings = { "N2", "N02B1", "NN02", "N02BE1", "N02BE012", "1N02", "" })
	void malformedAtcCodesAreRefused(String code) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new CodedConcept(CodeSystem.ATC, code, "Paracetamol"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 201 })
	void theDisplayTextIsOneToTwoHundredCharacters(int length) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new CodedConcept(CodeSystem.ATC, "N02BE01", "x".repeat(length)))
			.satisfies(refusal -> assertThat(refusal.properties().get("errors").toString()).contains("field=display"));
	}

}
