package care.parcours.events.partner;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner no longer offers a resource: nothing new may be booked on it, what is booked
 * already stays.
 *
 * @param resourceId the resource's id
 * @param partnerId the partner that owned the resource
 */
@EventType("partner.resource.retired.v1")
public record ResourceRetired(UUID resourceId, UUID partnerId) implements PartnerEvent {

}
