package care.parcours.events.partner;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner's profile was edited: its premises, specialties, languages, accreditations or
 * contacts. Carries what other services copy about a partner; names, streets and contacts
 * stay in partner-service.
 *
 * @param partnerId the partner's id
 * @param kind {@code HOSPITAL}, {@code CLINIC}, {@code CARE_CENTRE} or a provider kind
 * @param country ISO 3166-1 alpha-2 code
 * @param city city name as the partner writes it
 * @param timeZone IANA time zone id of the partner's premises
 * @param specialties specialty codes
 * @param languages ISO 639-1 codes of the languages spoken there
 */
@EventType("partner.partner.updated.v1")
public record PartnerUpdated(UUID partnerId, String kind, String country, String city, String timeZone,
		List<String> specialties, List<String> languages) implements PartnerEvent {

}
