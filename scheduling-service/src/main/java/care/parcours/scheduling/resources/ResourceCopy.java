package care.parcours.scheduling.resources;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A resource as partner-service last announced it; or a practitioner, of kind
 * {@link #PRACTITIONER}, as a role of another practitioner's appointment may take one.
 *
 * @param id the resource's id
 * @param partnerId the partner that keeps it
 * @param kind what it is, as partner-service names it ({@code OPERATING_ROOM},
 * {@code INTERPRETER}…); kept as a code so that a kind added there needs no release here
 * @param timeZone the zone its schedule is kept in
 * @param specialties specialty codes it serves
 * @param languages language codes it speaks
 * @param retired whether the partner no longer offers it
 * @param knownSince when this service learnt of it
 */
public record ResourceCopy(UUID id, UUID partnerId, String kind, ZoneId timeZone, List<String> specialties,
		List<String> languages, boolean retired, Instant knownSince) {

	/**
	 * The kind of a practitioner taken in a role, read from the practitioners' schedules
	 * and partners rather than from the resource directory.
	 */
	public static final String PRACTITIONER = "PRACTITIONER";

	public ResourceCopy {
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
	}

}
