package care.parcours.scheduling.availability;

import java.util.UUID;

/**
 * Published in-process when a practitioner's availability grows (new rules, extra hours,
 * time off withdrawn), so that waiting lists can offer the new slots.
 *
 * @param practitionerId whose availability
 */
public record AvailabilityOpened(UUID practitionerId) {

}
