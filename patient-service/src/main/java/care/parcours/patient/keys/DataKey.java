package care.parcours.patient.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;

/**
 * One patient's data key, unwrapped, ready to seal and open that patient's data. Every
 * ciphertext is bound to the patient and to what it holds (associated data
 * {@code parcours.patient/<purpose>/<patient id>}): moved to another patient's row or
 * column, it fails to open instead of showing the wrong data.
 */
public final class DataKey {

	private final UUID patientId;

	private final Aead aead;

	private final byte[] wrapped;

	private final long masterKeyId;

	DataKey(UUID patientId, Aead aead, byte[] wrapped, long masterKeyId) {
		this.patientId = patientId;
		this.aead = aead;
		this.wrapped = wrapped;
		this.masterKeyId = masterKeyId;
	}

	public UUID patientId() {
		return patientId;
	}

	/** The master key that wraps this data key, as stored beside it. */
	public long masterKeyId() {
		return masterKeyId;
	}

	byte[] wrapped() {
		return wrapped;
	}

	/**
	 * Encrypts data of this patient.
	 * @param purpose what the data is, such as {@code identity}: bound to the ciphertext
	 */
	public byte[] seal(String purpose, byte[] plain) {
		try {
			return aead.encrypt(plain, associatedData(purpose));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encrypt patient data", ex);
		}
	}

	/**
	 * Decrypts data of this patient sealed for the same purpose.
	 * @throws UnreadableData when it was sealed for another patient or purpose, or
	 * altered
	 */
	public byte[] open(String purpose, byte[] sealed) {
		try {
			return aead.decrypt(sealed, associatedData(purpose));
		}
		catch (GeneralSecurityException ex) {
			throw new UnreadableData("Patient data of " + patientId + " (" + purpose
					+ ") does not open with its data key: altered, or written for another patient");
		}
	}

	private byte[] associatedData(String purpose) {
		return ("parcours.patient/" + purpose + "/" + patientId).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DataKey[patient=" + patientId + ", masterKeyId=" + masterKeyId + "]";
	}

	/** Stored data that fails authentication: never shown, always a server error. */
	public static final class UnreadableData extends IllegalStateException {

		public UnreadableData(String message) {
			super(message);
		}

	}

}
