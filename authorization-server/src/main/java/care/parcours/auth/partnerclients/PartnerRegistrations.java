package care.parcours.auth.partnerclients;

import care.parcours.events.partner.PartnerRegistered;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.stereotype.Component;

/** Learns of new partners from partner-service's events. */
@Component
class PartnerRegistrations implements EventHandler<PartnerRegistered> {

	private final KnownPartners partners;

	PartnerRegistrations(KnownPartners partners) {
		this.partners = partners;
	}

	@Override
	public void handle(PartnerRegistered event, EventMetadata metadata) {
		partners.add(event.partnerId(), metadata.time());
	}

}
