package care.parcours.patient.worklist;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a work list shows: every criterion given must hold.
 *
 * @param coordinatorId the responsible coordinator's user id
 * @param partnerId the partner the pathways are at
 * @param statuses the pathways' statuses (open and on hold when none is asked)
 * @param alert an open alert of this kind
 * @param hasAlerts with open alerts (true) or without (false)
 * @param templateId opened from this template
 * @param dueBefore the next step due before this instant
 */
record WorkListFilter(@Nullable String coordinatorId, @Nullable UUID partnerId, Set<PathwayStatus> statuses,
		@Nullable AlertKind alert, @Nullable Boolean hasAlerts, @Nullable UUID templateId,
		@Nullable Instant dueBefore) {

	WorkListFilter {
		statuses = statuses.isEmpty() ? Set.of(PathwayStatus.OPEN, PathwayStatus.ON_HOLD) : Set.copyOf(statuses);
	}

	WorkListFilter forPartner(UUID partner) {
		return new WorkListFilter(coordinatorId, partner, statuses, alert, hasAlerts, templateId, dueBefore);
	}

}
