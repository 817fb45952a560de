package care.parcours.patient.keys;

import java.security.GeneralSecurityException;
import java.time.Clock;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Master keysets for tests, made fresh: one key, the same with a new primary added (a
 * rotation), and the new primary alone (the old key removed).
 */
public record TestKeysets(String old, String rotated, String newOnly, long oldKeyId, long newKeyId) {

	public static TestKeysets generate() {
		try {
			AeadConfig.register();
			KeysetHandle old = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			KeysetHandle rotated = KeysetHandle.newBuilder(old)
				.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
					.withRandomId()
					.makePrimary())
				.build();
			int newId = rotated.getPrimary().getId();
			KeysetHandle.Builder newOnly = KeysetHandle.newBuilder(rotated);
			for (int i = newOnly.size() - 1; i >= 0; i--) {
				if (!newOnly.getAt(i).isPrimary()) {
					newOnly.deleteAt(i);
				}
			}
			return new TestKeysets(json(old), json(rotated), json(newOnly.build()),
					Integer.toUnsignedLong(old.getPrimary().getId()), Integer.toUnsignedLong(newId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The master keys of a keyset, as the service builds them from configuration. */
	public static MasterKeys master(String json) {
		return new MasterKeys(json);
	}

	/**
	 * The data keys of a database, as an instance configured with this keyset sees them.
	 */
	public static DataKeys dataKeys(JdbcClient jdbc, String json) {
		return new DataKeys(jdbc, master(json), Clock.systemUTC());
	}

	private static String json(KeysetHandle keyset) throws GeneralSecurityException {
		return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
	}

}
