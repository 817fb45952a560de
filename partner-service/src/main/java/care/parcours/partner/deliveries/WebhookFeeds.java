package care.parcours.partner.deliveries;

import care.parcours.events.DomainEvent;
import care.parcours.partner.webhooks.SubscribableEvents;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Feeds the webhook deliveries from partner-service's own topic and scheduling-service's,
 * through the platform's idempotent consumers: every subscribable event type goes to the
 * fan-out. A type whose record names no partner stops the service at start-up, as no
 * endpoint could ever receive it.
 */
@Component
@EnableConfigurationProperties(DeliveryProperties.class)
class WebhookFeeds implements EventSubscriber {

	private final WebhookFanOut fanOut;

	WebhookFeeds(WebhookFanOut fanOut) {
		this.fanOut = fanOut;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		SubscribableEvents.all().forEach(type -> feed(type, subscriptions));
	}

	private <T extends DomainEvent> void feed(Class<T> type, Subscriptions subscriptions) {
		Audience.of(type);
		subscriptions.on(type, (event, metadata) -> fanOut.fanOut(event, metadata));
	}

}
