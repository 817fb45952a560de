package care.parcours.patient.patients;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Encrypts identities at rest with AES-256-GCM: a fresh 12-byte nonce per record,
 * prefixed to the ciphertext; the authentication tag refuses any tampered row. The key id
 * is stored beside each row so that keys can be rotated.
 */
@Component
class IdentityCipher {

	private static final Logger log = LoggerFactory.getLogger(IdentityCipher.class);

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final String keyId;

	private final JsonMapper json;

	private final SecureRandom random = new SecureRandom();

	IdentityCipher(PatientEncryptionProperties properties, JsonMapper json) {
		byte[] raw = Base64.getDecoder().decode(properties.key());
		if (raw.length != 32) {
			throw new IllegalStateException("parcours.patient.encryption.key must be 32 bytes, base64-encoded");
		}
		if (PatientEncryptionProperties.DEVELOPMENT_KEY_ID.equals(properties.keyId())) {
			log.warn("Patient identities are encrypted with the development key: set PARCOURS_PATIENT_ENCRYPTION_KEY"
					+ " and PARCOURS_PATIENT_ENCRYPTION_KEY_ID outside local development");
		}
		this.key = new SecretKeySpec(raw, "AES");
		this.keyId = properties.keyId();
		this.json = json;
	}

	String keyId() {
		return keyId;
	}

	byte[] encrypt(PatientIdentity identity) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(json.writeValueAsBytes(identity));
			return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt a patient identity", ex);
		}
	}

	PatientIdentity decrypt(byte[] stored, String storedKeyId) {
		if (!keyId.equals(storedKeyId)) {
			throw new IllegalStateException(
					"Patient identity encrypted with key " + storedKeyId + ", which this instance does not hold");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
			return json.readValue(plain, PatientIdentity.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not decrypt a patient identity", ex);
		}
	}

}
