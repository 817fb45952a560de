package care.parcours.platform.testapp;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * A second feature that keeps its own view of the same event as {@link ThingCounter}:
 * each must be told of each event once.
 */
@Component
public class ThingWatcher implements EventSubscriber {

	private final Map<UUID, Integer> seen = new ConcurrentHashMap<>();

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions.on(ThingEvent.ThingChanged.class,
				(event, metadata) -> seen.merge(event.thingId(), 1, Integer::sum));
	}

	public int timesSeen(UUID thing) {
		return seen.getOrDefault(thing, 0);
	}

}
