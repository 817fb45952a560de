package care.parcours.scheduling.resources;

import java.time.Clock;

import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/** Keeps the copies of partners' resources in step with partner-service. */
@Component
class ResourceChanges implements EventSubscriber {

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
					(event, metadata) -> resources.apply(
							new ResourceCopies.Announced(event.resourceId(), event.partnerId(), event.kind(),
									event.timeZone(), event.specialties(), event.languages()),
							metadata.aggregateVersion(), clock.instant()))
			.on(ResourceUpdated.class,
					(event, metadata) -> resources.apply(
							new ResourceCopies.Announced(event.resourceId(), event.partnerId(), event.kind(),
									event.timeZone(), event.specialties(), event.languages()),
							metadata.aggregateVersion(), clock.instant()))
			.on(ResourceRetired.class,
					(event, metadata) -> resources.retire(event.resourceId(), metadata.aggregateVersion()));
	}

}
