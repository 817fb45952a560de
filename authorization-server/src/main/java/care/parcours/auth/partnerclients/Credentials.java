package care.parcours.auth.partnerclients;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** New client ids and secrets, unguessable. */
final class Credentials {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Credentials() {
	}

	/** {@code partner-} and 20 hex digits (80 random bits): unique without a lookup. */
	static String newClientId() {
		return "partner-" + HexFormat.of().formatHex(bytes(10));
	}

	/** 256 random bits, base64url: safe in a Basic header and a form. */
	static String newSecret() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
