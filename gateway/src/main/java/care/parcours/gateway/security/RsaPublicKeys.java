package care.parcours.gateway.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the PEM public key of {@code parcours.security.public-key}. */
final class RsaPublicKeys {

	private RsaPublicKeys() {
	}

	/**
	 * @param pem an X.509 {@code PUBLIC KEY} block; line breaks may be real or written
	 * {@code \n}, as an environment variable often carries them
	 */
	static RSAPublicKey parse(String pem) {
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
