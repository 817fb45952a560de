package care.parcours.partner.deliveries;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.webhooks.WebhookEndpoint;
import care.parcours.partner.webhooks.WebhookRegistry;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was delivered to an endpoint, attempt by attempt, and the replay of dead letters.
 */
@Service
class DeliveryLog {

	private final Deliveries deliveries;

	private final WebhookRegistry endpoints;

	private final WebhookDispatcher dispatcher;

	private final Clock clock;

	DeliveryLog(Deliveries deliveries, WebhookRegistry endpoints, WebhookDispatcher dispatcher, Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/** A delivery with every attempt made. */
	record Logged(Delivery delivery, List<Delivery.Attempt> attempts) {

	}

	Page<Delivery> of(UUID partnerId, UUID endpointId, @Nullable DeliveryStatus status, PageQuery page) {
		WebhookEndpoint endpoint = endpoints.get(partnerId, endpointId);
		return deliveries.ofEndpoint(endpoint.id(), status, page);
	}

	Logged get(UUID partnerId, UUID endpointId, UUID id) {
		WebhookEndpoint endpoint = endpoints.get(partnerId, endpointId);
		Delivery delivery = deliveries.find(endpoint.id(), id).orElseThrow(() -> new DeliveryNotFound(id));
		return new Logged(delivery, deliveries.attemptsOf(id));
	}

	/**
	 * Tries a dead delivery again, with the same message id, from its place in its
	 * aggregate's order: the aggregate's later deliveries that are still pending wait for
	 * it again.
	 * @throws Delivery.NotDead when it is pending or delivered
	 */
	@Transactional
	Logged replay(UUID partnerId, UUID endpointId, UUID id) {
		Delivery dead = get(partnerId, endpointId, id).delivery();
		if (!deliveries.saveReplayed(dead, dead.replay(clock.instant()))) {
			throw new Delivery.NotDead(deliveries.find(endpointId, id).orElse(dead));
		}
		dispatcher.wakeUp();
		return get(partnerId, endpointId, id);
	}

	@Transactional
	int replayDead(UUID partnerId, UUID endpointId) {
		WebhookEndpoint endpoint = endpoints.get(partnerId, endpointId);
		Instant now = clock.instant();
		int replayed = 0;
		for (Delivery dead : deliveries.deadOf(endpoint.id())) {
			if (deliveries.saveReplayed(dead, dead.replay(now))) {
				replayed++;
			}
		}
		dispatcher.wakeUp();
		return replayed;
	}

	static final class DeliveryNotFound extends NotFoundException {

		DeliveryNotFound(UUID id) {
			super("webhook-delivery-not-found", "The endpoint has no delivery with the id " + id + ".");
		}

	}

}
