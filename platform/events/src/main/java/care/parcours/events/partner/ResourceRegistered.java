package care.parcours.events.partner;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner registered a resource other than a practitioner: a room, a piece of equipment
 * or a member of its staff such as an interpreter. Carries everything a consumer needs to
 * keep the resource's schedule from this event alone; its label (an interpreter's name,
 * say) stays in partner-service.
 *
 * @param resourceId the resource's id
 * @param partnerId the partner that owns the resource
 * @param kind what the resource is, such as {@code OPERATING_ROOM}, {@code MRI} or
 * {@code INTERPRETER}
 * @param timeZone IANA time zone id the resource's schedule is kept in
 * @param specialties specialty codes the resource serves (an operating room's)
 * @param languages ISO 639-1 codes of the languages the resource speaks (an
 * interpreter's)
 */
@EventType("partner.resource.registered.v1")
public record ResourceRegistered(UUID resourceId, UUID partnerId, String kind, String timeZone,
		List<String> specialties, List<String> languages) implements PartnerEvent {

}
