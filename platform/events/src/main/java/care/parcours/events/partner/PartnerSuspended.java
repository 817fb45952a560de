package care.parcours.events.partner;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner was suspended: it no longer appears in matching until it is activated again.
 *
 * @param partnerId the partner's id
 */
@EventType("partner.partner.suspended.v1")
public record PartnerSuspended(UUID partnerId) implements PartnerEvent {

}
