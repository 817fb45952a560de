package care.parcours.partner.webhooks;

import java.util.List;
import java.util.Set;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.events.scheduling.SchedulingEvent;

/**
 * The event types a partner may receive: those of this service and of scheduling-service,
 * which say which partner they concern. Patient and billing events are not offered: they
 * concern patients first, and there is no consent model yet to say what a partner may see
 * of them. Nor are scheduling's answers to a care pathway's move: they concern the
 * patient's pathway, name no partner, and each appointment they moved has its own
 * {@code scheduling.appointment.rescheduled.v1}, which is offered.
 */
public final class SubscribableEvents {

	private static final EventCatalog CATALOG = EventCatalog.of(PartnerEvent.class, SchedulingEvent.class);

	private static final Set<Class<? extends DomainEvent>> ABOUT_PATHWAYS = Set.of(CascadeApplied.class,
			CascadeRefused.class);

	private SubscribableEvents() {
	}

	public static boolean includes(String type) {
		return CATALOG.classOf(type).filter(event -> !ABOUT_PATHWAYS.contains(event)).isPresent();
	}

	/** Every subscribable event record. */
	public static List<Class<? extends DomainEvent>> all() {
		return CATALOG.families()
			.stream()
			.flatMap(family -> EventCatalog.eventsOf(family).stream())
			.filter(event -> !ABOUT_PATHWAYS.contains(event))
			.toList();
	}

}
