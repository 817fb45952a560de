package care.parcours.platform.consumer;

import care.parcours.events.DomainEvent;

/**
 * Handles several types of event from another service in one place, when they all keep
 * the same thing current: each type registered with its own {@link EventHandler}, with
 * the same guarantees (one transaction with the record that the event was handled,
 * retries, dead letter).
 */
@FunctionalInterface
public interface EventSubscriber {

	void subscribe(Subscriptions subscriptions);

	/** Where a subscriber says which handler takes which event. */
	interface Subscriptions {

		<T extends DomainEvent> Subscriptions on(Class<T> type, EventHandler<T> handler);

	}

}
