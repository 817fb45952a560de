package care.parcours.patient.keys;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import care.parcours.patient.identity.LookupTerm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTests {

	private static final byte[] IDENTITY = "{\"familyName\":\"Benali\"}".getBytes(StandardCharsets.UTF_8);

	private final TestKeysets keysets = TestKeysets.generate();

	private final Envelope envelope = new Envelope(TestKeysets.master(keysets.old()));

	private final UUID patient = UUID.randomUUID();

	@Test
	void dataSealedWithAPatientsKeyOpensWithItAndHoldsNoPlainText() {
		DataKey key = envelope.create(patient);
		byte[] sealed = key.seal("identity", IDENTITY);

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Benali");
		assertThat(envelope.open(patient, key.wrapped(), key.masterKeyId()).open("identity", sealed))
			.isEqualTo(IDENTITY);
		assertThat(key.masterKeyId()).isEqualTo(keysets.oldKeyId());
	}

	@Test
	void aCiphertextMovedToAnotherPatientDoesNotOpen() {
		DataKey mine = envelope.create(patient);
		DataKey theirs = envelope.create(UUID.randomUUID());
		byte[] sealed = mine.seal("identity", IDENTITY);

		assertThatThrownBy(() -> theirs.open("identity", sealed)).isInstanceOf(DataKey.UnreadableData.class);
	}

	@Test
	void aCiphertextMovedWithItsWrappedKeyToAnotherPatientDoesNotOpenEither() {
		DataKey mine = envelope.create(patient);
		UUID other = UUID.randomUUID();

		assertThatThrownBy(() -> envelope.open(other, mine.wrapped(), mine.masterKeyId()))
			.isInstanceOf(DataKey.UnreadableData.class)
			.hasMessageContaining(other.toString());
	}

	@Test
	void aCiphertextOfOnePurposeDoesNotOpenAsAnother() {
		DataKey key = envelope.create(patient);
		byte[] sealed = key.seal("identity", IDENTITY);

		assertThatThrownBy(() -> key.open("note", sealed)).isInstanceOf(DataKey.UnreadableData.class);
	}

	@Test
	void afterARotationTheNewPrimaryWrapsOldKeysStillUnwrapAndRewrappedKeysOutliveTheOldKey() {
		DataKey before = envelope.create(patient);
		byte[] sealed = before.seal("identity", IDENTITY);
		Envelope rotated = new Envelope(TestKeysets.master(keysets.rotated()));

		assertThat(rotated.create(UUID.randomUUID()).masterKeyId()).isEqualTo(keysets.newKeyId());
		assertThat(rotated.open(patient, before.wrapped(), before.masterKeyId()).open("identity", sealed))
			.isEqualTo(IDENTITY);

		byte[] rewrapped = rotated.rewrap(patient, before.wrapped());
		Envelope oldKeyRemoved = new Envelope(TestKeysets.master(keysets.newOnly()));

		assertThat(oldKeyRemoved.open(patient, rewrapped, keysets.newKeyId()).open("identity", sealed))
			.isEqualTo(IDENTITY);
		assertThatThrownBy(() -> oldKeyRemoved.open(patient, before.wrapped(), before.masterKeyId()))
			.isInstanceOf(DataKey.UnreadableData.class);
	}

	@Test
	void withoutAConfiguredKeysetTheDevelopmentOneWrapsAndUnwraps() {
		Envelope development = new Envelope(new MasterKeys(new KeyProperties(" ", null)));
		DataKey key = development.create(patient);

		assertThat(development.open(patient, key.wrapped(), key.masterKeyId())
			.open("identity", key.seal("identity", IDENTITY))).isEqualTo(IDENTITY);
		assertThat(new BlindIndex(new KeyProperties(null, null))
			.digest(new LookupTerm(LookupTerm.Kind.EMAIL, "x@example.org"))).hasSize(32);
	}

	@Test
	void aMasterKeysetThatIsNotOneIsRefusedWithoutQuotingIt() {
		assertThatThrownBy(() -> TestKeysets.master("{\"secret\": \"s3cr3t\"}")).hasMessageNotContaining("s3cr3t")
			.hasMessageContaining("master-keyset");
	}

}
