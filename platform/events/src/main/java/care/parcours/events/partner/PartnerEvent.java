package care.parcours.events.partner;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/** Every event partner-service publishes, on its topic. */
@Topic(PartnerEvent.TOPIC)
public sealed interface PartnerEvent extends DomainEvent permits PartnerRegistered, PractitionerRegistered,
		PartnerUpdated, PartnerActivated, PartnerSuspended, PractitionerUpdated, PractitionerJoinedPartner,
		PractitionerLeftPartner, ResourceRegistered, ResourceUpdated, ResourceRetired {

	String TOPIC = "parcours.partner.v1";

}
