package care.parcours.partner.webhooks;

import java.util.List;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.scheduling.SchedulingEvent;

/**
 * The event types a partner may receive: those of this service and of scheduling-service,
 * which say which partner they concern. Patient and billing events are not offered: they
 * concern patients first, and there is no consent model yet to say what a partner may see
 * of them.
 */
public final class SubscribableEvents {

	private static final EventCatalog CATALOG = EventCatalog.of(PartnerEvent.class, SchedulingEvent.class);

	private SubscribableEvents() {
	}

	public static boolean includes(String type) {
		return CATALOG.classOf(type).isPresent();
	}

	/** Every subscribable event record. */
	public static List<Class<? extends DomainEvent>> all() {
		return CATALOG.families().stream().flatMap(family -> EventCatalog.eventsOf(family).stream()).toList();
	}

}
