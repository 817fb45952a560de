package care.parcours.partner.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a partner receives the events it subscribed to, as it stands at {@code version}.
 *
 * @param id the endpoint's id
 * @param partnerId the partner it belongs to; it only receives what concerns that partner
 * @param url where deliveries are posted
 * @param description what the partner uses it for
 * @param eventTypes the event types it receives
 * @param secret signs every delivery
 * @param previousSecret the secret before the last rotation, still signing until
 * {@code previousSecretExpiresAt} so that receivers can switch without losing messages
 * @param previousSecretExpiresAt when the previous secret stops signing
 * @param enabled whether new events are delivered; a disabled endpoint keeps its log
 * @param version incremented by every change
 * @param createdAt when it was registered
 */
public record WebhookEndpoint(UUID id, UUID partnerId, URI url, @Nullable String description, List<String> eventTypes,
		WebhookSecret secret, @Nullable WebhookSecret previousSecret, @Nullable Instant previousSecretExpiresAt,
		boolean enabled, long version, Instant createdAt) {

	public WebhookEndpoint {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(partnerId, "partnerId");
		eventTypes = eventTypes.stream().distinct().toList();
		description = description == null || description.isBlank() ? null : description.strip();
	}

	public static WebhookEndpoint register(UUID id, UUID partnerId, URI url, @Nullable String description,
			List<String> eventTypes, WebhookSecret secret, Instant now) {
		return new WebhookEndpoint(id, partnerId, url, description, eventTypes, secret, null, null, true, 0, now);
	}

	public WebhookEndpoint revise(URI newUrl, @Nullable String newDescription, List<String> newEventTypes,
			boolean nowEnabled) {
		return new WebhookEndpoint(id, partnerId, newUrl, newDescription, newEventTypes, secret, previousSecret,
				previousSecretExpiresAt, nowEnabled, version + 1, createdAt);
	}

	/**
	 * Signs with a new secret from now on; the current one keeps signing too during the
	 * overlap.
	 */
	public WebhookEndpoint rotate(WebhookSecret next, Instant now, Duration overlap) {
		return new WebhookEndpoint(id, partnerId, url, description, eventTypes, next, secret, now.plus(overlap),
				enabled, version + 1, createdAt);
	}

	/** The secrets a delivery sent now is signed with, newest first. */
	public List<WebhookSecret> signingSecrets(Instant now) {
		if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
			return List.of(secret, previousSecret);
		}
		return List.of(secret);
	}

}
