package care.parcours.scheduling.booking;

import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The care pathway step a hold, an appointment or a waiting-list entry was made for. The
 * pathway travels on the envelope of every event about it, the step in the payload, so
 * that patient-service can move the step without asking.
 *
 * @param pathwayId the pathway in patient-service
 * @param stepId the step of that pathway
 */
public record PathwayStep(UUID pathwayId, UUID stepId) {

	/**
	 * The step a request names, if any: both ids or neither, since a step is always of
	 * one pathway and work done for a pathway is always for one of its steps.
	 * @throws InvalidRequestException naming the missing field when only one is given
	 */
	public static Optional<PathwayStep> requested(@Nullable UUID pathwayId, @Nullable UUID stepId) {
		if (pathwayId == null && stepId == null) {
			return Optional.empty();
		}
		if (pathwayId == null) {
			throw InvalidRequestException.ofField("pathwayId", "must be given with stepId");
		}
		if (stepId == null) {
			throw InvalidRequestException.ofField("stepId", "must be given with pathwayId");
		}
		return Optional.of(new PathwayStep(pathwayId, stepId));
	}

	/** The step's id, for an event's payload, when there is a step. */
	public static @Nullable UUID stepOf(@Nullable PathwayStep step) {
		return step == null ? null : step.stepId();
	}

	/** The pathway's id, for an event's envelope, when there is a step. */
	public static @Nullable UUID pathwayOf(@Nullable PathwayStep step) {
		return step == null ? null : step.pathwayId();
	}

}
