package care.parcours.patient.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The master keyset that wraps every patient's data key. Its primary key wraps; any key
 * it holds unwraps, so a rotation adds a new primary, rewraps the data keys
 * ({@link DataKeys#rewrapStale}) and only then removes the old key.
 */
@Component
class MasterKeys {

	private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

	static final String DEVELOPMENT_KEYSET = "keys/development-master-keyset.json";

	private final KeysetHandle keyset;

	private final Aead aead;

	@Autowired
	MasterKeys(KeyProperties properties) {
		this(properties.masterKeyset() == null || properties.masterKeyset().isBlank() ? developmentKeyset()
				: properties.masterKeyset());
		if (properties.masterKeyset() == null || properties.masterKeyset().isBlank()) {
			log.warn("Patient data keys are wrapped with the PUBLIC development master keyset: set "
					+ "PARCOURS_PATIENT_KEYS_MASTER_KEYSET (a Tink JSON keyset) outside local development");
		}
	}

	MasterKeys(String json) {
		try {
			AeadConfig.register();
			this.keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			// The message of a parse failure may quote the keyset: never pass it on.
			throw new IllegalStateException("parcours.patient.keys.master-keyset is not a Tink AEAD keyset in JSON");
		}
	}

	Aead aead() {
		return aead;
	}

	/** The key that wraps data keys now, as Tink numbers it (an unsigned 32-bit id). */
	long primaryKeyId() {
		return Integer.toUnsignedLong(keyset.getPrimary().getId());
	}

	/** Every key this instance can unwrap with. */
	List<Long> keyIds() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < keyset.size(); i++) {
			ids.add(Integer.toUnsignedLong(keyset.getAt(i).getId()));
		}
		return ids;
	}

	private static String developmentKeyset() {
		try (InputStream in = MasterKeys.class.getClassLoader().getResourceAsStream(DEVELOPMENT_KEYSET)) {
			if (in == null) {
				throw new IllegalStateException("No " + DEVELOPMENT_KEYSET + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
