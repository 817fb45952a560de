package care.parcours.patient.keys;

import care.parcours.patient.identity.LookupTerm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlindIndexTests {

	private static final String KEY = "EImQKwRyYmxtahSfmuQn5quqgrAm7Pw9du1hkyNrdn4=";

	private final BlindIndex index = new BlindIndex(KEY);

	@Test
	void equalTermsGiveEqualDigestsUnderOneKeyAndOthersUnderAnother() {
		LookupTerm email = new LookupTerm(LookupTerm.Kind.EMAIL, "yasmine@example.org");

		assertThat(index.digest(email)).isEqualTo(index.digest(email)).hasSize(32);
		assertThat(new BlindIndex(BlindIndex.DEVELOPMENT_KEY).digest(email)).isNotEqualTo(index.digest(email));
	}

	@Test
	void theKindIsPartOfTheDigest() {
		assertThat(index.digest(new LookupTerm(LookupTerm.Kind.EMAIL, "x")))
			.isNotEqualTo(index.digest(new LookupTerm(LookupTerm.Kind.PHONE, "x")));
	}

	@Test
	void aShortKeyIsRefused() {
		assertThatThrownBy(() -> new BlindIndex("c2hvcnQ=")).hasMessageContaining("32 bytes");
	}

}
