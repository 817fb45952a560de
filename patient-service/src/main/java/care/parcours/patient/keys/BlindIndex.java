package care.parcours.patient.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import care.parcours.patient.identity.LookupTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keyed digests of look-up terms (blind indexes): HMAC-SHA256 of the term's kind and
 * normalised text. Equal terms give equal digests, so the database can match them, but
 * without the key nobody can compute the digest of a guessed e-mail or name to test it
 * against a stolen table. The key is not an encryption key: rotating it means recomputing
 * every digest from the decrypted records.
 */
@Component
public class BlindIndex {

	private static final Logger log = LoggerFactory.getLogger(BlindIndex.class);

	/** Public: anything outside a developer's machine sets its own. */
	static final String DEVELOPMENT_KEY = "ri/dG59IUaRG9tKT06PY9d0b2ouWimcbwEtlhuqlxWs=";

	private final SecretKeySpec key;

	@Autowired
	BlindIndex(KeyProperties properties) {
		this(properties.lookupKey() == null || properties.lookupKey().isBlank() ? DEVELOPMENT_KEY
				: properties.lookupKey());
		if (properties.lookupKey() == null || properties.lookupKey().isBlank()) {
			log.warn("Patient look-up digests use the PUBLIC development key: set PARCOURS_PATIENT_KEYS_LOOKUP_KEY "
					+ "(32 random bytes, base64) outside local development");
		}
	}

	BlindIndex(String base64Key) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("parcours.patient.keys.lookup-key is not base64");
		}
		if (raw.length < 32) {
			throw new IllegalStateException("parcours.patient.keys.lookup-key must hold at least 32 bytes");
		}
		this.key = new SecretKeySpec(raw, "HmacSHA256");
	}

	/** The digest stored for, and searched by, a term. */
	public byte[] digest(LookupTerm term) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			// The kind and a separator first: an e-mail and a phone never collide.
			mac.update(term.kind().name().getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) 0);
			return mac.doFinal(term.text().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
