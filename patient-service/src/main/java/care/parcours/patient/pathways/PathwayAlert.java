package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something on a pathway that needs a coordinator, until someone resolves it by hand or
 * an action on its step does (the step booked again, done or skipped).
 *
 * @param id the alert
 * @param stepId the step it is about, if any
 * @param kind why it was raised
 * @param raisedAt when
 * @param resolvedAt when it was resolved, if it was
 * @param resolvedBy who resolved it (a login, or {@value Pathway#SYSTEM} for an event)
 * @param resolution how: the coordinator's words, or the action's code
 */
public record PathwayAlert(UUID id, @Nullable UUID stepId, AlertKind kind, Instant raisedAt,
		@Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String resolution) {

	public boolean isOpen() {
		return resolvedAt == null;
	}

	PathwayAlert resolved(String by, String how, Instant now) {
		return new PathwayAlert(id, stepId, kind, raisedAt, now, by, how);
	}

}
