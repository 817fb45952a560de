package care.parcours.patient.patients;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import care.parcours.patient.identity.PatientIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityCodecTests {

	private final IdentityCodec codec = new IdentityCodec();

	/** Names of many scripts, spaces and escapes, each seed its own. */
	@ParameterizedTest
	@ValueSource(longs = { 1, 7, 42, 1_000, 20_261_207 })
	void theDisplayNameReadAloneIsTheOneTheWholeIdentityGives(long seed) {
		Random random = new Random(seed);
		for (int i = 0; i < 50; i++) {
			var form = yasmine("codec-" + seed + "-" + i);
			form.put("givenName", name(random));
			form.put("familyName", name(random));
			PatientIdentity identity = PatientFixtures.JSON.treeToValue(form, IdentityForm.class).identity();
			byte[] stored = codec.write(identity);

			assertThat(codec.displayName(stored))
				.isEqualTo(codec.read(stored).givenName() + " " + codec.read(stored).familyName())
				.isEqualTo(identity.givenName() + " " + identity.familyName());
		}
	}

	@Test
	void theNamesAreFoundWhereverTheDocumentPutsThem() {
		String document = """
				{"format": 1, "address": {"lines": ["1 rue \\"A\\""], "city": "Lyon"}, "identifiers": [{"type": "X"}],
				 "familyName": " Benali ", "languages": ["fr"], "givenName": "Yasmine"}""";

		assertThat(codec.displayName(document.getBytes(StandardCharsets.UTF_8))).isEqualTo("Yasmine Benali");
	}

	@Test
	void anIdentityStoredBeforeEnvelopeEncryptionShowsItsNamesToo() {
		String legacy = """
				{"givenName":"Yasmine","familyName":"Benali-legacy","birthDate":"1984-03-02","sex":"FEMALE",
				"nationality":"MA","countryOfResidence":"MA","languages":["ar","fr"],"email":"y@example.org"}""";
		byte[] plain = legacy.getBytes(StandardCharsets.UTF_8);

		assertThat(codec.displayName(plain)).isEqualTo("Yasmine Benali-legacy")
			.isEqualTo(codec.readLegacy(plain).givenName() + " " + codec.readLegacy(plain).familyName());
	}

	@Test
	void aDocumentWithoutBothNamesOrNotJsonIsRefusedWithoutQuotingIt() {
		assertThatThrownBy(() -> codec.displayName("{\"givenName\": \"Yasmine\"}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("Yasmine");
		assertThatThrownBy(() -> codec.displayName("{\"givenName\": 12, \"familyName\": \"B\"}".getBytes()))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> codec.displayName("{\"givenName\": \"Yasmine\", \"famil".getBytes()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("Yasmine");
	}

	private static String name(Random random) {
		String[] parts = { "Yasmine", "Benali", "Éloïse", "ياسمين", "Nguyễn", "O'Brien", "van der Berg", "Ж",
				"\"Quoted\"", "back\\slash", "李", "  padded  " };
		StringBuilder name = new StringBuilder(parts[random.nextInt(parts.length)]);
		for (int more = random.nextInt(3); more > 0; more--) {
			name.append(random.nextBoolean() ? " " : "-").append(parts[random.nextInt(parts.length)]);
		}
		return name.toString();
	}

}
