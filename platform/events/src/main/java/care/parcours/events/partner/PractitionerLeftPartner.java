package care.parcours.events.partner;

import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A practitioner stopped working for a partner; they still work for at least one other.
 *
 * @param practitionerId the practitioner's id
 * @param partnerId the partner left
 */
@EventType("partner.practitioner.left-partner.v1")
public record PractitionerLeftPartner(UUID practitionerId, UUID partnerId) implements PartnerEvent {

}
