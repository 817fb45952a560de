package care.parcours.events.partner;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A practitioner started working for one more partner.
 *
 * @param practitionerId the practitioner's id
 * @param partnerId the partner joined
 */
@EventType("partner.practitioner.joined-partner.v1")
public record PractitionerJoinedPartner(UUID practitionerId, UUID partnerId) implements PartnerEvent {

}
