package care.parcours.events.auth;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/** Every event the authorization server publishes, on its topic. */
@Topic(AuthEvent.TOPIC)
public sealed interface AuthEvent extends DomainEvent permits PartnerClientIssued, PartnerClientRevoked, SessionEnded {

	String TOPIC = "parcours.auth.v1";

}
