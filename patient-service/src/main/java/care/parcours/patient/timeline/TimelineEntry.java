package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One fact on a pathway's timeline, placed at the time it happened (not when the news
 * arrived): ids, codes and times only.
 *
 * @param id the entry
 * @param pathwayId the pathway
 * @param stepId the step the fact concerns, if one
 * @param what what happened, such as {@code APPOINTMENT_BOOKED} or {@code MOVE_REFUSED}
 * @param occurredAt when it happened, by the event's own time
 * @param recordedAt when the pathway learnt it
 * @param eventId the event that told it, if news told it (not a step found overdue)
 * @param eventType that event's type
 * @param sourceId the aggregate the fact is about (hold, appointment, move)
 * @param sourceVersion that aggregate's version after the fact
 * @param applied whether it changed what is known of the step: an older or repeated fact
 * is shown, never applied
 * @param stepStatus the status the step took because of it, when it moved the step
 * @param details further ids, codes and times, by name
 */
public record TimelineEntry(UUID id, UUID pathwayId, @Nullable UUID stepId, String what, Instant occurredAt,
		Instant recordedAt, @Nullable String eventId, @Nullable String eventType, String sourceId, long sourceVersion,
		boolean applied, @Nullable String stepStatus, Map<String, String> details) {

	public TimelineEntry {
		details = Map.copyOf(details);
	}

	/**
	 * Details from names and values in pairs, each value as text (an instant in
	 * ISO-8601); a value that is absent is left out.
	 */
	public static Map<String, String> details(@Nullable Object... namesAndValues) {
		Map<String, String> details = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null) {
				details.put(String.valueOf(namesAndValues[i]), value.toString());
			}
		}
		return details;
	}

}
