package care.parcours.platform.testapp;

import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventType;
import care.parcours.events.Topic;

/** The events of the test service. */
@Topic(ThingEvent.TOPIC)
public sealed interface ThingEvent extends DomainEvent permits ThingEvent.ThingChanged {

	String TOPIC = "parcours.platformtest.v1";

	/** A thing changed; {@code sequence} counts its changes, to check ordering. */
	@EventType("platformtest.thing.changed.v1")
	record ThingChanged(UUID thingId, long sequence) implements ThingEvent {

	}

}
