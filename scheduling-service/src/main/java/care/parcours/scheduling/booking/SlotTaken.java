package care.parcours.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;

/**
 * Someone else holds or booked the practitioner's time; the free slots nearby come with
 * it.
 */
public final class SlotTaken extends ConflictException {

	SlotTaken(UUID practitionerId, Instant start, List<Map<String, Object>> nearby) {
		super("slot-taken", "Practitioner " + practitionerId + " is already booked or held at " + start + ".",
				Map.of("nearby", nearby));
	}

}
