package care.parcours.partner.deliveries;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCodec;
import care.parcours.partner.webhooks.SubscribableEvents;
import care.parcours.platform.consumer.EventMetadata;
import care.parcours.platform.consumer.EventSubscriber;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a consumed event into one delivery per endpoint it concerns, in the consumer's
 * transaction: the event is recorded as handled if and only if its deliveries are stored.
 * <p>
 * An event concerns the partners its record names, without its patient (see
 * {@link Audience}); one naming the resources of an appointment concerns each partner
 * owning one of them too, once, and shows each only its own resources. The message
 * follows the Standard Webhooks payload shape ({@code type}, {@code timestamp},
 * {@code data}) with the aggregate and its version, so that receivers can check the
 * order.
 */
@Component
@EnableConfigurationProperties(DeliveryProperties.class)
class WebhookFanOut implements EventSubscriber {

	private final Deliveries deliveries;

	private final EventCodec codec;

	private final WebhookDispatcher dispatcher;

	private final Clock clock;

	WebhookFanOut(Deliveries deliveries, EventCodec codec, WebhookDispatcher dispatcher, Clock clock) {
		this.deliveries = deliveries;
		this.codec = codec;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	/**
	 * Feeds the fan-out every subscribable event type, from partner-service's own topic
	 * and scheduling-service's, through the platform's idempotent consumers. A type whose
	 * record names no partner stops the service at start-up, as no endpoint could ever
	 * receive it.
	 */
	@Override
	public void subscribe(Subscriptions subscriptions) {
		SubscribableEvents.all().forEach(type -> feed(type, subscriptions));
	}

	private <T extends DomainEvent> void feed(Class<T> type, Subscriptions subscriptions) {
		Audience.of(type);
		subscriptions.on(type, this::fanOut);
	}

	void fanOut(DomainEvent event, EventMetadata metadata) {
		Audience audience = Audience.of(event.getClass());
		Set<UUID> partners = audience.partnersOf(event);
		if (partners.isEmpty()) {
			return;
		}
		ObjectNode data = data(codec, event, audience);
		int created = 0;
		if (audience.seenDifferently(event)) {
			for (UUID partner : partners) {
				created += deliveries.fanOut(metadata.id(), metadata.type(), metadata.subject(),
						message(metadata, seenBy(data, audience, partner)), Set.of(partner), clock.instant());
			}
		}
		else {
			created = deliveries.fanOut(metadata.id(), metadata.type(), metadata.subject(), message(metadata, data),
					partners, clock.instant());
		}
		if (created > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					dispatcher.wakeUp();
				}
			});
		}
	}

	/**
	 * The event as the codec writes it, without what its audience may not see: the codec
	 * names each property after its record component.
	 */
	static ObjectNode data(EventCodec codec, DomainEvent event, Audience audience) {
		ObjectNode data = (ObjectNode) codec.toTree(event);
		data.remove(audience.withheld());
		return data;
	}

	/**
	 * An event's data as one partner sees it: without the resources of other partners.
	 */
	static ObjectNode seenBy(ObjectNode data, Audience audience, UUID partner) {
		ObjectNode seen = data.deepCopy();
		Audience.Owned resources = audience.resources();
		if (resources != null && seen.get(resources.list().getName()) instanceof ArrayNode all) {
			ArrayNode own = seen.putArray(resources.list().getName());
			String owner = resources.owner().getName();
			all.forEach(resource -> {
				if (partner.toString().equals(resource.path(owner).asString(null))) {
					own.add(resource);
				}
			});
		}
		return seen;
	}

	private static String message(EventMetadata metadata, ObjectNode data) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("type", metadata.type());
		message.put("timestamp", metadata.time().toString());
		message.put("subject", metadata.subject());
		message.put("aggregateVersion", metadata.aggregateVersion());
		message.set("data", data);
		return message.toString();
	}

}
