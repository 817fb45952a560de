package care.parcours.partner.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: HMAC-SHA256 over {@code id.timestamp.body}, in base64,
 * prefixed with the version {@code v1,}. While a secret is being rotated, a message
 * carries one signature per valid secret, separated by spaces, so receivers holding
 * either secret accept it.
 */
public final class WebhookSignature {

	private WebhookSignature() {
	}

	/** The {@code webhook-signature} header value. */
	public static String sign(String messageId, long timestamp, String body, List<WebhookSecret> secrets) {
		String content = messageId + "." + timestamp + "." + body;
		return secrets.stream().map(secret -> "v1," + hmac(secret, content)).collect(Collectors.joining(" "));
	}

	/** Whether any of the header's signatures is the one this secret makes. */
	public static boolean verify(String header, String messageId, long timestamp, String body, WebhookSecret secret) {
		byte[] expected = ("v1," + hmac(secret, messageId + "." + timestamp + "." + body))
			.getBytes(StandardCharsets.US_ASCII);
		for (String signature : header.split(" ")) {
			if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
				return true;
			}
		}
		return false;
	}

	private static String hmac(WebhookSecret secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
