package care.parcours.partner.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret an endpoint's deliveries are signed with, written as Standard Webhooks does:
 * {@code whsec_} and the key in base64.
 *
 * @param value {@code whsec_<base64>}
 */
public record WebhookSecret(String value) {

	private static final String PREFIX = "whsec_";

	/** 24 bytes: within the 24 to 64 the Standard Webhooks specification asks for. */
	private static final int KEY_BYTES = 24;

	public WebhookSecret {
		if (!value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
		}
		Base64.getDecoder().decode(value.substring(PREFIX.length()));
	}

	public static WebhookSecret generate(SecureRandom random) {
		byte[] key = new byte[KEY_BYTES];
		random.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	/** The HMAC key: the bytes after the prefix. */
	public byte[] key() {
		return Base64.getDecoder().decode(value.substring(PREFIX.length()));
	}

	/**
	 * Never the secret itself: records print their components, and logs are read widely.
	 */
	@Override
	public String toString() {
		return "WebhookSecret[" + PREFIX + "…]";
	}

}
