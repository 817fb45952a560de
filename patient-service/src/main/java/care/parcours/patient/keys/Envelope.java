package care.parcours.patient.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Envelope encryption: a data key per patient, wrapped by the master keyset with the
 * patient's id as associated data, so that a wrapped key copied to another patient does
 * not unwrap. Tink's wrapped keyset starts with the id of the master key that wrapped it,
 * so any key of the master keyset unwraps what it wrapped.
 */
final class Envelope {

	private final MasterKeys master;

	Envelope(MasterKeys master) {
		this.master = master;
	}

	/** A new data key, wrapped by the primary master key. */
	DataKey create(UUID patientId) {
		try {
			KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			return new DataKey(patientId, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
					wrap(patientId, keyset), master.primaryKeyId());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not make a data key", ex);
		}
	}

	/** The data key a stored, wrapped keyset holds. */
	DataKey open(UUID patientId, byte[] wrapped, long masterKeyId) {
		try {
			return new DataKey(patientId,
					unwrap(patientId, wrapped).getPrimitive(RegistryConfiguration.get(), Aead.class), wrapped,
					masterKeyId);
		}
		catch (GeneralSecurityException ex) {
			throw new DataKey.UnreadableData("The data key of " + patientId + " is not an AEAD keyset");
		}
	}

	/** The same data key wrapped by the primary master key. */
	byte[] rewrap(UUID patientId, byte[] wrapped) {
		return wrap(patientId, unwrap(patientId, wrapped));
	}

	long primaryKeyId() {
		return master.primaryKeyId();
	}

	private KeysetHandle unwrap(UUID patientId, byte[] wrapped) {
		try {
			return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master.aead(), associatedData(patientId));
		}
		catch (GeneralSecurityException ex) {
			throw new DataKey.UnreadableData("The data key of " + patientId
					+ " does not unwrap: its master key is not in the keyset, or it was wrapped for another patient");
		}
	}

	private byte[] wrap(UUID patientId, KeysetHandle keyset) {
		try {
			return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), associatedData(patientId));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not wrap a data key", ex);
		}
	}

	private static byte[] associatedData(UUID patientId) {
		return ("parcours.patient/data-key/" + patientId).getBytes(StandardCharsets.UTF_8);
	}

}
