package care.parcours.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import care.parcours.events.auth.AuthEvent;
import care.parcours.events.billing.BillingEvent;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.patient.PatientEvent;
import care.parcours.events.scheduling.SchedulingEvent;

/**
 * Reads the {@link Topic} and {@link EventType} annotations of event contracts: which
 * type name a record has, which topic its family is published on, and which record a type
 * name stands for.
 */
public final class EventCatalog {

	private final Map<String, Class<? extends DomainEvent>> classesByType = new HashMap<>();

	private final List<Class<? extends DomainEvent>> families;

	private EventCatalog(List<Class<? extends DomainEvent>> families) {
		this.families = List.copyOf(families);
		for (Class<? extends DomainEvent> family : families) {
			for (Class<? extends DomainEvent> event : eventsOf(family)) {
				classesByType.put(typeOf(event), event);
			}
		}
	}

	/**
	 * A catalog of the given families, each a sealed interface annotated with
	 * {@link Topic}.
	 */
	@SafeVarargs
	public static EventCatalog of(Class<? extends DomainEvent>... families) {
		return new EventCatalog(Arrays.asList(families));
	}

	/** Every family of published events: what the contract tests check. */
	public static EventCatalog all() {
		return of(PartnerEvent.class, PatientEvent.class, SchedulingEvent.class, BillingEvent.class, AuthEvent.class);
	}

	/** The records a sealed family permits. */
	@SuppressWarnings("unchecked")
	public static List<Class<? extends DomainEvent>> eventsOf(Class<? extends DomainEvent> family) {
		if (!family.isSealed()) {
			throw new IllegalArgumentException(family.getName() + " is not a sealed event family");
		}
		return Arrays.stream(family.getPermittedSubclasses())
			.<Class<? extends DomainEvent>>map(c -> (Class<? extends DomainEvent>) c)
			.toList();
	}

	public static String typeOf(Class<? extends DomainEvent> event) {
		EventType type = event.getAnnotation(EventType.class);
		if (type == null) {
			throw new IllegalArgumentException(event.getName() + " has no @EventType");
		}
		return type.value();
	}

	/** The topic of the family an event record (or a family itself) belongs to. */
	public static String topicOf(Class<? extends DomainEvent> eventOrFamily) {
		Topic topic = eventOrFamily.getAnnotation(Topic.class);
		if (topic != null) {
			return topic.value();
		}
		for (Class<?> parent : eventOrFamily.getInterfaces()) {
			if (parent.isAnnotationPresent(Topic.class)) {
				return parent.getAnnotation(Topic.class).value();
			}
		}
		throw new IllegalArgumentException(eventOrFamily.getName() + " belongs to no family annotated with @Topic");
	}

	public List<Class<? extends DomainEvent>> families() {
		return families;
	}

	public List<String> topics() {
		return families.stream().map(EventCatalog::topicOf).distinct().toList();
	}

	public Optional<Class<? extends DomainEvent>> classOf(String type) {
		return Optional.ofNullable(classesByType.get(type));
	}

}
