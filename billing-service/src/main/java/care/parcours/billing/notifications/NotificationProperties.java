package care.parcours.billing.notifications;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment providers billing accepts notifications from.
 *
 * @param tolerance how far a notification's timestamp may be from billing's clock: an
 * older one, replayed, is refused whatever its signature
 * @param providers each provider's settings, by the name in the notification's path
 */
@ConfigurationProperties("parcours.billing.payment-notifications")
record NotificationProperties(@DefaultValue("5m") Duration tolerance, Map<String, Provider> providers) {

	NotificationProperties {
		providers = providers == null ? Map.of() : Map.copyOf(providers);
	}

	/**
	 * One provider.
	 *
	 * @param secret the secret it signs with, in base64 (at least 24 bytes; a
	 * {@code whsec_} prefix is ignored)
	 */
	record Provider(String secret) {

		Provider {
			if (key(secret).length < 24) {
				throw new IllegalArgumentException("a provider's secret is at least 24 bytes, in base64");
			}
		}

		byte[] key() {
			return key(secret);
		}

		private static byte[] key(String secret) {
			return Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
		}

	}

	@Nullable Provider provider(String name) {
		return providers.get(name);
	}

}
