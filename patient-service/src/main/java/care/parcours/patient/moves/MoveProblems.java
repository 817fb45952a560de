package care.parcours.patient.moves;

import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.problem.ConstraintProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The moves' refusals, and what the one-pending-move index means when two requests race
 * past the service's own check.
 */
@Configuration(proxyBeanMethods = false)
class MoveProblems {

	@Bean
	ConstraintProblem<Move> movePendingAlready() {
		return ConstraintProblem.of("pathway_move_pending", Move.class,
				move -> new MovePending(move.pathwayId(), null));
	}

	/** Only the pathway's current move may be pending. */
	static final class MovePending extends ConflictException {

		MovePending(UUID pathwayId, @Nullable UUID pending) {
			super("move-pending",
					"Pathway " + pathwayId + " is being moved already"
							+ ((pending == null) ? "" : " (move " + pending + ")")
							+ ": wait for scheduling's answer before moving it again.",
					(pending == null) ? Map.of() : Map.of("moveId", pending));
		}

	}

	static final class MoveNotFound extends NotFoundException {

		MoveNotFound(UUID pathwayId, UUID moveId) {
			super("move-not-found", "Pathway " + pathwayId + " has no move " + moveId + ".");
		}

	}

}
