package care.parcours.patient.patients;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityCipherTests {

	private static final String KEY = "cGFyY291cnMtZGV2ZWxvcG1lbnQta2V5LTMyLWJ5dGU=";

	private final IdentityCipher cipher = new IdentityCipher(new PatientEncryptionProperties(KEY, "k1"),
			JsonMapper.builder().build());

	private final PatientIdentity identity = new PatientIdentity("Yasmine", "Benali", LocalDate.of(1984, 3, 2),
			PatientIdentity.Sex.FEMALE, "MA", "MA", List.of("ar", "fr"), "yasmine@example.org", "+212612345678");

	@Test
	void anEncryptedIdentityReadsBackAndHoldsNoPlainText() {
		byte[] stored = cipher.encrypt(identity);

		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Benali")
			.doesNotContain("1984");
		assertThat(cipher.decrypt(stored, "k1")).isEqualTo(identity);
	}

	@Test
	void theSameIdentityEncryptsDifferentlyEachTime() {
		assertThat(cipher.encrypt(identity)).isNotEqualTo(cipher.encrypt(identity));
	}

	@Test
	void aTamperedRowIsRefused() {
		byte[] stored = cipher.encrypt(identity);
		stored[stored.length - 1] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(stored, "k1")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aRowOfAnotherKeyIsRefused() {
		assertThatThrownBy(() -> cipher.decrypt(cipher.encrypt(identity), "k0")).hasMessageContaining("k0");
	}

	@Test
	void anIdentityNeverPrintsItsContent() {
		assertThat(identity.toString()).doesNotContain("Benali").doesNotContain("Yasmine");
	}

}
