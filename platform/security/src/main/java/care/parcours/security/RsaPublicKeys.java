package care.parcours.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the PEM public key of {@code parcours.security.public-key}, with which the
 * gateway and the services check signatures instead of the issuer's JWK set (tests and
 * benchmarks that sign their own tokens).
 */
public final class RsaPublicKeys {

	private RsaPublicKeys() {
	}

	/**
	 * @param pem an X.509 {@code PUBLIC KEY} block; line breaks may be real or written
	 * {@code \n}, as an environment variable set on one line often carries them
	 * @throws IllegalStateException if it is not one, without repeating what it is
	 */
	public static RSAPublicKey parse(String pem) {
		String base64 = pem.replace("\\n", "")
			.replace("-----BEGIN PUBLIC KEY-----", "")
			.replace("-----END PUBLIC KEY-----", "")
			.replaceAll("\\s", "");
		try {
			byte[] der = Base64.getDecoder().decode(base64);
			return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IllegalArgumentException | GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("parcours.security.public-key is not a PEM RSA public key", ex);
		}
	}

}
