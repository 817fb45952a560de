package care.parcours.auth.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * One RSA key pair tokens are signed with, as a JWK carrying its {@code kid}.
 *
 * @param kid the key id, put in the header of every token it signs
 * @param jwk the key pair; only its public half is ever published
 * @param createdAt when the key was made (or, for a configured key, loaded)
 */
public record SigningKey(String kid, RSAKey jwk, Instant createdAt) {

	/** Leaves the key out: a JWK prints its private half. */
	@Override
	public String toString() {
		return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
	}

}
