package care.parcours.auth.keys;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import care.parcours.auth.AuthProperties;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The keys tokens are signed with: the configured one when
 * {@code parcours.auth.signing-key} is set, else the newest kept in the database,
 * generated on the first start. Loaded once, before the server takes requests.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private final AuthProperties properties;

	private final StoredSigningKeys stored;

	private final Clock clock;

	private volatile @Nullable List<SigningKey> keys;

	SigningKeys(AuthProperties properties, StoredSigningKeys stored, Clock clock) {
		this.properties = properties;
		this.stored = stored;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		log.info("Signing tokens with key {}", current().kid());
	}

	/** The key new tokens are signed with. */
	public SigningKey current() {
		return keys().getFirst();
	}

	/**
	 * Every key whose tokens are still accepted, the current one first: what the JWK set
	 * publishes (its public halves).
	 */
	public JWKSet jwkSet() {
		return new JWKSet(keys().stream().<JWK>map(SigningKey::jwk).toList());
	}

	private List<SigningKey> keys() {
		List<SigningKey> loaded = keys;
		if (loaded == null) {
			synchronized (this) {
				loaded = keys;
				if (loaded == null) {
					loaded = load();
					keys = loaded;
				}
			}
		}
		return loaded;
	}

	private List<SigningKey> load() {
		String pem = properties.signingKey();
		if (pem != null && !pem.isBlank()) {
			RSAKey jwk = RsaKeys.fromPkcs8Pem(pem, properties.signingKeyId());
			return List.of(new SigningKey(jwk.getKeyID(), jwk, clock.instant()));
		}
		return stored.allOrCreate(() -> {
			RSAKey jwk = RsaKeys.generate();
			log.info("No signing key in the database yet: generated {}", jwk.getKeyID());
			// PostgreSQL keeps microseconds: the key read back equals the key made.
			return new SigningKey(jwk.getKeyID(), jwk, clock.instant().truncatedTo(ChronoUnit.MICROS));
		});
	}

}
