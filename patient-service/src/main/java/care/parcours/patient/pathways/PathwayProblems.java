package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The refusals of the pathway's rules, each a stable problem type naming what is at
 * fault.
 */
public final class PathwayProblems {

	private PathwayProblems() {
	}

	/** No pathway has the id, or the caller may not know it exists. */
	public static final class PathwayNotFound extends NotFoundException {

		PathwayNotFound(UUID id) {
			super("pathway-not-found", "No pathway has the id " + id + ".");
		}

	}

	public static final class StepNotFound extends NotFoundException {

		StepNotFound(UUID pathwayId, UUID stepId) {
			super("step-not-found", "Pathway " + pathwayId + " has no step " + stepId + ".");
		}

	}

	public static final class AlertNotFound extends NotFoundException {

		AlertNotFound(UUID pathwayId, UUID alertId) {
			super("alert-not-found", "Pathway " + pathwayId + " has no alert " + alertId + ".");
		}

	}

	/** The pathway's or the step's status does not allow the change. */
	public static final class InvalidTransition extends ConflictException {

		InvalidTransition(String detail) {
			super("invalid-transition", detail);
		}

		static InvalidTransition of(Pathway pathway, String change) {
			return new InvalidTransition(
					"Pathway " + pathway.id() + " is " + pathway.status() + "; it cannot " + change + ".");
		}

		static InvalidTransition of(Pathway pathway, PathwayStep step, String change) {
			return new InvalidTransition("Step '" + step.key() + "' of pathway " + pathway.id() + " is " + step.status()
					+ "; it cannot be " + change + ".");
		}

	}

	public static final class DuplicateStep extends ConflictException {

		DuplicateStep(UUID pathwayId, String key) {
			super("step-key-taken", "Pathway " + pathwayId + " already has a step '" + key + "'.", Map.of("step", key));
		}

	}

	public static final class UnknownDependency extends RuleViolationException {

		UnknownDependency(String step, String dependency) {
			super("unknown-dependency", "Step '" + step + "' depends on '" + dependency + "', which the pathway lacks.",
					Map.of("step", step, "dependsOn", dependency));
		}

	}

	/** A step would be due before a step it depends on. */
	public static final class StepBeforeDependency extends RuleViolationException {

		StepBeforeDependency(String step, Instant due, PathwayStep dependency) {
			super("step-before-dependency",
					"Step '" + step + "' cannot be due at " + due + ": it depends on step '" + dependency.key()
							+ "', due at " + dependency.dueAt() + ".",
					Map.of("step", step, "dependsOn", dependency.key(), "dependencyStepId", dependency.id(),
							"dependencyDueAt", dependency.dueAt().toString()));
		}

	}

	/** A step would be due after a step that depends on it. */
	public static final class StepAfterDependent extends RuleViolationException {

		StepAfterDependent(String step, Instant due, PathwayStep dependent) {
			super("step-after-dependent",
					"Step '" + step + "' cannot be due at " + due + ": step '" + dependent.key()
							+ "' depends on it and is due at " + dependent.dueAt() + ".",
					Map.of("step", step, "dependent", dependent.key(), "dependentStepId", dependent.id(),
							"dependentDueAt", dependent.dueAt().toString()));
		}

	}

	/** Closing while steps are open needs the coordinator's reason. */
	public static final class OpenStepsRemain extends RuleViolationException {

		OpenStepsRemain(UUID pathwayId, List<String> open) {
			super("open-steps-remain", "Pathway " + pathwayId + " still has open steps (" + String.join(", ", open)
					+ "): give a reason to close it without them.", Map.of("openSteps", open));
		}

	}

	public static final class AlertAlreadyResolved extends ConflictException {

		AlertAlreadyResolved(PathwayAlert alert) {
			super("alert-already-resolved", "Alert " + alert.id() + " was resolved at " + alert.resolvedAt() + " by "
					+ alert.resolvedBy() + ".");
		}

	}

	public static final class AlertAlreadyOpen extends ConflictException {

		AlertAlreadyOpen(UUID pathwayId, @Nullable UUID stepId, AlertKind kind) {
			super("alert-already-open", "Pathway " + pathwayId + " already has an open " + kind + " alert"
					+ (stepId == null ? "." : " on step " + stepId + "."));
		}

	}

}
