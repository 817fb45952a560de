package care.parcours.gateway.correlation;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CorrelationIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "abc", "4f1c2d9e-7b7a-4a57-9d5e-0a1b2c3d4e5f", "web:checkout.step_2", "x" })
	void wellFormedClientIdIsKept(String candidate) {
		assertThat(CorrelationId.acceptOrGenerate(candidate).value()).isEqualTo(candidate);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "with space", "new\nline", "quote\"", "caf\u00e9", "slash/ed" })
	void missingOrMalformedIdIsReplacedByAUuid(String candidate) {
		String value = CorrelationId.acceptOrGenerate(candidate).value();

		assertThat(UUID.fromString(value).toString()).isEqualTo(value);
	}

	@Test
	void idLongerThan64CharactersIsReplaced() {
		String sixtyFour = "a".repeat(64);

		assertThat(CorrelationId.acceptOrGenerate(sixtyFour).value()).isEqualTo(sixtyFour);
		assertThat(CorrelationId.acceptOrGenerate(sixtyFour + "a").value()).isNotEqualTo(sixtyFour + "a");
	}

	@Test
	void malformedIdCannotBeConstructed() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationId("two words"));
	}

}
