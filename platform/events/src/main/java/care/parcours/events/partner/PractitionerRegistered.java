package care.parcours.events.partner;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A practitioner started working for a partner. Carries the partner's time zone so that a
 * consumer can build the practitioner's schedule from this event alone: events of
 * different aggregates are not ordered with respect to each other.
 *
 * @param practitionerId the practitioner's id
 * @param partnerId the partner the practitioner works for
 * @param timeZone IANA time zone id of the partner's premises
 * @param specialties specialty codes
 * @param languages ISO 639-1 codes of the languages the practitioner speaks
 */
@EventType("partner.practitioner.registered.v1")
public record PractitionerRegistered(UUID practitionerId, UUID partnerId, String timeZone, List<String> specialties,
		List<String> languages) implements PartnerEvent {

}
