package care.parcours.scheduling.partners;

import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.stereotype.Component;

/**
 * Keeps the local copy of partners current: new details change where slot search looks; a
 * suspended partner's practitioners offer no slots until it is active again. Each change
 * applies only over an older version, so a late redelivery never undoes a newer one.
 */
final class PartnerChanges {

	private PartnerChanges() {
	}

	@Component
	static class Updated implements EventHandler<PartnerUpdated> {

		private final PartnerCopies partners;

		Updated(PartnerCopies partners) {
			this.partners = partners;
		}

		@Override
		public void handle(PartnerUpdated event, EventMetadata metadata) {
			partners.update(event, metadata.aggregateVersion());
		}

	}

	@Component
	static class Suspended implements EventHandler<PartnerSuspended> {

		private final PartnerCopies partners;

		Suspended(PartnerCopies partners) {
			this.partners = partners;
		}

		@Override
		public void handle(PartnerSuspended event, EventMetadata metadata) {
			partners.setSuspended(event.partnerId(), true, metadata.aggregateVersion());
		}

	}

	@Component
	static class Activated implements EventHandler<PartnerActivated> {

		private final PartnerCopies partners;

		Activated(PartnerCopies partners) {
			this.partners = partners;
		}

		@Override
		public void handle(PartnerActivated event, EventMetadata metadata) {
			partners.setSuspended(event.partnerId(), false, metadata.aggregateVersion());
		}

	}

}
