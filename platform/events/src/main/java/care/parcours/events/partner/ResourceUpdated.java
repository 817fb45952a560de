package care.parcours.events.partner;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A resource's specialties or languages were edited; it carries the whole new state, so a
 * consumer that missed the registration can still build the resource from it.
 *
 * @param resourceId the resource's id
 * @param partnerId the partner that owns the resource
 * @param kind what the resource is; it never changes
 * @param timeZone IANA time zone id the resource's schedule is kept in
 * @param specialties specialty codes the resource serves
 * @param languages ISO 639-1 codes of the languages the resource speaks
 */
@EventType("partner.resource.updated.v1")
public record ResourceUpdated(UUID resourceId, UUID partnerId, String kind, String timeZone, List<String> specialties,
		List<String> languages) implements PartnerEvent {

}
