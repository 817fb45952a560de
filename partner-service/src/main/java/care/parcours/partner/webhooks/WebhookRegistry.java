package care.parcours.partner.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.partners.PartnerDirectory;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, edits and removes the webhook endpoints of partners. */
@Service
public class WebhookRegistry {

	private final WebhookEndpoints endpoints;

	private final PartnerDirectory partners;

	private final WebhookAddressPolicy addresses;

	private final WebhookProperties properties;

	private final SecureRandom random;

	private final Clock clock;

	WebhookRegistry(WebhookEndpoints endpoints, PartnerDirectory partners, WebhookAddressPolicy addresses,
			WebhookProperties properties, SecureRandom random, Clock clock) {
		this.endpoints = endpoints;
		this.partners = partners;
		this.addresses = addresses;
		this.properties = properties;
		this.random = random;
		this.clock = clock;
	}

	/** What an endpoint is registered or edited with. */
	record Settings(String url, @Nullable String description, List<String> eventTypes, boolean enabled) {

	}

	@Transactional
	WebhookEndpoint register(UUID partnerId, Settings settings) {
		partners.get(partnerId);
		URI url = checked(settings);
		if (endpoints.countOf(partnerId) >= properties.maxEndpointsPerPartner()) {
			throw new TooManyEndpoints(partnerId, properties.maxEndpointsPerPartner());
		}
		WebhookEndpoint endpoint = WebhookEndpoint.register(UUID.randomUUID(), partnerId, url, settings.description(),
				settings.eventTypes(), WebhookSecret.generate(random), clock.instant());
		endpoints.add(endpoint);
		return endpoint;
	}

	@Transactional
	WebhookEndpoint revise(UUID partnerId, UUID id, ExpectedVersion expected, Settings settings) {
		WebhookEndpoint current = current(partnerId, id, expected);
		URI url = checked(settings);
		WebhookEndpoint next = current.revise(url, settings.description(), settings.eventTypes(), settings.enabled());
		endpoints.update(next);
		return next;
	}

	/** A new secret signs from now on; the previous one too, for a while. */
	@Transactional
	WebhookEndpoint rotateSecret(UUID partnerId, UUID id) {
		WebhookEndpoint next = get(partnerId, id).rotate(WebhookSecret.generate(random), clock.instant(),
				properties.secretOverlap());
		endpoints.update(next);
		return next;
	}

	@Transactional
	void remove(UUID partnerId, UUID id, ExpectedVersion expected) {
		endpoints.remove(current(partnerId, id, expected));
	}

	/**
	 * The endpoint, if it belongs to the partner.
	 * @throws EndpointNotFound otherwise, so that ids of other partners cannot be probed
	 */
	public WebhookEndpoint get(UUID partnerId, UUID id) {
		return endpoints.find(id)
			.filter(endpoint -> endpoint.partnerId().equals(partnerId))
			.orElseThrow(() -> new EndpointNotFound(id));
	}

	Page<WebhookEndpoint> ofPartner(UUID partnerId, PageQuery page) {
		partners.get(partnerId);
		return endpoints.ofPartner(partnerId, page);
	}

	private WebhookEndpoint current(UUID partnerId, UUID id, ExpectedVersion expected) {
		WebhookEndpoint current = get(partnerId, id);
		expected.requireCurrent("Webhook endpoint " + id, current.version());
		return current;
	}

	private URI checked(Settings settings) {
		for (int i = 0; i < settings.eventTypes().size(); i++) {
			if (!SubscribableEvents.includes(settings.eventTypes().get(i))) {
				throw InvalidRequestException.ofField("eventTypes[" + i + "]",
						"is not an event type a partner can receive, such as scheduling.appointment.booked.v1");
			}
		}
		return addresses.requireAcceptable(settings.url());
	}

	/** No endpoint of this partner has this id. */
	public static final class EndpointNotFound extends NotFoundException {

		EndpointNotFound(UUID id) {
			super("webhook-endpoint-not-found", "The partner has no webhook endpoint with the id " + id + ".");
		}

	}

	static final class TooManyEndpoints extends RuleViolationException {

		TooManyEndpoints(UUID partnerId, int limit) {
			super("too-many-webhook-endpoints", "Partner " + partnerId + " has " + limit
					+ " webhook endpoints already; remove one or subscribe an existing one to more event types.");
		}

	}

}
