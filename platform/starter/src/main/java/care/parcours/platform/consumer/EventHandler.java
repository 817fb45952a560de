package care.parcours.platform.consumer;

import care.parcours.events.DomainEvent;

/**
 * Handles one type of event from another service. Runs in a database transaction together
 * with the record that the event was handled: whatever it writes (a read model, outbox
 * events) happens exactly once per event, however often Kafka delivers it. Throw to have
 * the event retried and, after the last try, sent to the dead-letter topic.
 *
 * @param <T> the event record handled
 */
@FunctionalInterface
public interface EventHandler<T extends DomainEvent> {

	void handle(T event, EventMetadata metadata);

}
