package care.parcours.events.partner;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A practitioner's specialties, languages or professional identifiers were edited. The
 * identifiers themselves and the name stay in partner-service.
 *
 * @param practitionerId the practitioner's id
 * @param partnerIds the partners the practitioner works for, in the order they were
 * joined
 * @param timeZone IANA time zone id the practitioner's schedule is kept in
 * @param specialties specialty codes
 * @param languages ISO 639-1 codes of the languages the practitioner speaks
 */
@EventType("partner.practitioner.updated.v1")
public record PractitionerUpdated(UUID practitionerId, List<UUID> partnerIds, String timeZone, List<String> specialties,
		List<String> languages) implements PartnerEvent {

}
