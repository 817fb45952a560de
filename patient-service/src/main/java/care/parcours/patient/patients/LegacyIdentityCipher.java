package care.parcours.patient.patients;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Reads the rows written before envelope encryption: AES-256-GCM under the one service
 * key of {@code parcours.patient.encryption}, a 12-byte nonce in front of the ciphertext,
 * no associated data. It never writes: a row it reads is rewritten under the patient's
 * own data key by the next edit or by the rewrap job, after which the service key can go.
 */
@Component
class LegacyIdentityCipher {

	private static final Logger log = LoggerFactory.getLogger(LegacyIdentityCipher.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final String keyId;

	LegacyIdentityCipher(PatientEncryptionProperties properties) {
		byte[] raw = Base64.getDecoder().decode(properties.key());
		if (raw.length != 32) {
			throw new IllegalStateException("parcours.patient.encryption.key must be 32 bytes, base64-encoded");
		}
		if (PatientEncryptionProperties.DEVELOPMENT_KEY_ID.equals(properties.keyId())) {
			log.info("Rows written before envelope encryption are read with the development service key");
		}
		this.key = new SecretKeySpec(raw, "AES");
		this.keyId = properties.keyId();
	}

	/**
	 * The plain JSON of a row written under the service key.
	 * @throws IllegalStateException when the row names another key or was altered
	 */
	byte[] decrypt(byte[] stored, String storedKeyId) {
		if (!keyId.equals(storedKeyId)) {
			throw new IllegalStateException(
					"Patient identity encrypted with key " + storedKeyId + ", which this instance does not hold");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt a patient identity", ex);
		}
	}

}
