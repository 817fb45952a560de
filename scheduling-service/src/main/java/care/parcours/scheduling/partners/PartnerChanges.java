package care.parcours.scheduling.partners;

import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Keeps the local copy of partners current: new details change where slot search looks; a
 * suspended partner's practitioners offer no slots until it is active again. Each change
 * applies only over an older version, so a late redelivery never undoes a newer one.
 */
@Component
class PartnerChanges implements EventSubscriber {

	private final PartnerCopies partners;

	PartnerChanges(PartnerCopies partners) {
		this.partners = partners;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions
			.on(PartnerRegistered.class, (event, metadata) -> partners.register(event, metadata.aggregateVersion()))
			.on(PartnerUpdated.class, (event, metadata) -> partners.update(event, metadata.aggregateVersion()))
			.on(PartnerSuspended.class,
					(event, metadata) -> partners.setSuspended(event.partnerId(), true, metadata.aggregateVersion()))
			.on(PartnerActivated.class,
					(event, metadata) -> partners.setSuspended(event.partnerId(), false, metadata.aggregateVersion()));
	}

}
