package care.parcours.scheduling.resources;

import java.time.Clock;

import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.platform.consumer.EventMetadata;
import care.parcours.platform.consumer.EventSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps the copies of partners' resources in step with partner-service. A resource
 * announced of kind {@link ResourceCopy#PRACTITIONER} is ignored: practitioners taken in
 * a role are read from their schedules, and a copy of that kind would be offered beside
 * them without hours or duty.
 */
@Component
class ResourceChanges implements EventSubscriber {

	private static final Logger log = LoggerFactory.getLogger(ResourceChanges.class);

	private final ResourceCopies resources;

	private final Clock clock;

	ResourceChanges(ResourceCopies resources, Clock clock) {
		this.resources = resources;
		this.clock = clock;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions
			.on(ResourceRegistered.class,
					(event, metadata) -> apply(new ResourceCopies.Announced(event.resourceId(), event.partnerId(),
							event.kind(), event.timeZone(), event.specialties(), event.languages()), metadata))
			.on(ResourceUpdated.class,
					(event, metadata) -> apply(new ResourceCopies.Announced(event.resourceId(), event.partnerId(),
							event.kind(), event.timeZone(), event.specialties(), event.languages()), metadata))
			.on(ResourceRetired.class,
					(event, metadata) -> resources.retire(event.resourceId(), metadata.aggregateVersion()));
	}

	private void apply(ResourceCopies.Announced resource, EventMetadata metadata) {
		if (ResourceCopy.PRACTITIONER.equals(resource.kind())) {
			// Ids only: the event's specialties and languages say nothing a log needs.
			log.warn("Ignored resource {} of partner {}: kind PRACTITIONER is read from practitioners' schedules",
					resource.id(), resource.partnerId());
			return;
		}
		resources.apply(resource, metadata.aggregateVersion(), clock.instant());
	}

}
