package care.parcours.billing.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures, as partner-service signs the webhooks it sends:
 * HMAC-SHA256 over {@code id.timestamp.} followed by the raw body's bytes, in base64,
 * prefixed {@code v1,}; several signatures separated by spaces while a provider rotates
 * its secret. Compared in constant time.
 */
final class NotificationSignature {

	private NotificationSignature() {
	}

	/** The {@code webhook-signature} a provider holding {@code key} sends. */
	static String sign(byte[] key, String messageId, long timestamp, byte[] body) {
		return "v1," + hmac(key, messageId, timestamp, body);
	}

	/** Whether any of the header's signatures is the one {@code key} makes. */
	static boolean verify(String header, byte[] key, String messageId, long timestamp, byte[] body) {
		byte[] expected = sign(key, messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		boolean valid = false;
		for (String signature : header.split(" ")) {
			// Every candidate is compared, so the time taken says nothing of which
			// matched.
			valid |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
		}
		return valid;
	}

	private static String hmac(byte[] key, String messageId, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
