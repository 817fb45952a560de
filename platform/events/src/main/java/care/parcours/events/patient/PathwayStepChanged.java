package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A step of a care pathway was added, moved, reassigned or changed status.
 *
 * @param pathwayId the pathway
 * @param stepId the step
 * @param kind the step's kind code, such as {@code SURGERY} or {@code QUOTE}
 * @param status {@code PLANNED}, {@code SCHEDULED}, {@code DONE}, {@code SKIPPED},
 * {@code OVERDUE} or {@code BROKEN}
 * @param dueAt when the step is due, if it has a date
 * @param ownerRole the role that owns the step, such as {@code COORDINATOR}
 * @param assigneeId the user the step is assigned to, if anyone in particular
 * @param changedAt when it changed
 */
@EventType("patient.pathway.step-changed.v1")
public record PathwayStepChanged(UUID pathwayId, UUID stepId, String kind, String status, @Nullable Instant dueAt,
		String ownerRole, @Nullable String assigneeId, Instant changedAt) implements PatientEvent {

}
