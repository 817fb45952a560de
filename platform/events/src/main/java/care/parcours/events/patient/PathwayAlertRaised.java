package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * Something on a care pathway needs a coordinator: a step overdue, an appointment
 * cancelled or missed on a planned step, a quote expired, a move that could not be
 * applied.
 *
 * @param pathwayId the pathway
 * @param alertId the alert
 * @param stepId the step it is about, if any
 * @param kind {@code STEP_OVERDUE}, {@code APPOINTMENT_CANCELLED},
 * {@code APPOINTMENT_NO_SHOW}, {@code QUOTE_EXPIRED} or {@code MOVE_REFUSED}
 * @param raisedAt when it was raised
 */
@EventType("patient.pathway.alert-raised.v1")
public record PathwayAlertRaised(UUID pathwayId, UUID alertId, @Nullable UUID stepId, String kind,
		Instant raisedAt) implements PatientEvent {

}
