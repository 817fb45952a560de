package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A care pathway ended: closed with an outcome, or cancelled.
 *
 * @param pathwayId the pathway
 * @param status {@code CLOSED} or {@code CANCELLED}
 * @param outcome the outcome's code when closed, such as {@code COMPLETED} or
 * {@code TRANSFERRED}
 * @param closedAt when it ended
 */
@EventType("patient.pathway.closed.v1")
public record PathwayClosed(UUID pathwayId, String status, @Nullable String outcome,
		Instant closedAt) implements PatientEvent {

}
