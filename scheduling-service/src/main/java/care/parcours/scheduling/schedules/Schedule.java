package care.parcours.scheduling.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A practitioner's schedule.
 *
 * @param practitionerId whose schedule it is
 * @param partnerId where the practitioner works
 * @param timeZone the zone the schedule's local times are in
 * @param specialties the practitioner's specialty codes
 * @param languages the languages the practitioner speaks
 * @param openedAt when this service learnt of the practitioner
 */
public record Schedule(UUID practitionerId, UUID partnerId, ZoneId timeZone, List<String> specialties,
		List<String> languages, Instant openedAt) {

	public Schedule {
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
	}

}
