package care.parcours.auth.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

/**
 * Makes RSA signing JWKs: new ones, and ones read from PKCS#8 (PEM or DER). Messages
 * never quote the key material.
 */
final class RsaKeys {

	static final int KEY_SIZE = 2048;

	private RsaKeys() {
	}

	/** A new key pair, its {@code kid} the RFC 7638 thumbprint. */
	static RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_SIZE);
			return fromPrivateKey((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate(), null);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JVM cannot generate RSA keys", ex);
		}
	}

	/**
	 * Reads a {@code -----BEGIN PRIVATE KEY-----} PEM block.
	 * @param kid the key id, or {@code null} for the key's thumbprint
	 * @throws IllegalArgumentException when the text is not a PKCS#8 RSA private key
	 */
	static RSAKey fromPkcs8Pem(String pem, @Nullable String kid) {
		if (pem.contains("BEGIN RSA PRIVATE KEY")) {
			throw new IllegalArgumentException(
					"The signing key is PKCS#1; convert it to PKCS#8 with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
		}
		String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
		try {
			return fromPkcs8(Base64.getDecoder().decode(base64), kid);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The signing key is not a PEM PKCS#8 RSA private key");
		}
	}

	/** Reads the DER bytes of a PKCS#8 RSA private key. */
	static RSAKey fromPkcs8(byte[] der, @Nullable String kid) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
				throw new IllegalArgumentException("The signing key lacks its CRT parameters");
			}
			return fromPrivateKey(key, kid);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("The signing key is not a PKCS#8 RSA private key");
		}
	}

	private static RSAKey fromPrivateKey(RSAPrivateCrtKey privateKey, @Nullable String kid)
			throws GeneralSecurityException {
		RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		RSAKey.Builder builder = new RSAKey.Builder(publicKey).privateKey(privateKey)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256);
		try {
			return builder.keyID(kid == null || kid.isBlank() ? builder.build().computeThumbprint().toString() : kid)
				.build();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not compute the key's thumbprint", ex);
		}
	}

}
