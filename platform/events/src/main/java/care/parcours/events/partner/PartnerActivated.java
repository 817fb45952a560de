package care.parcours.events.partner;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner finished onboarding, or was reinstated after a suspension: coordinators may
 * send patients there.
 *
 * @param partnerId the partner's id
 */
@EventType("partner.partner.activated.v1")
public record PartnerActivated(UUID partnerId) implements PartnerEvent {

}
