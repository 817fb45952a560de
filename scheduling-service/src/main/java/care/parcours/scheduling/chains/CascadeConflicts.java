package care.parcours.scheduling.chains;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An overlap the database refuses while a cascade is applied means that a slot of the
 * plan was taken after it was made: the plan is stale, whichever slot it was.
 */
@Configuration(proxyBeanMethods = false)
class CascadeConflicts {

	@Bean
	ConstraintProblem<ChainService.Cascade> practitionerTakenDuringCascade() {
		return ConstraintProblem.of("booking_practitioner_free", ChainService.Cascade.class,
				cascade -> new CascadeConflict());
	}

	@Bean
	ConstraintProblem<ChainService.Cascade> patientTakenDuringCascade() {
		return ConstraintProblem.of("booking_patient_free", ChainService.Cascade.class,
				cascade -> new CascadeConflict());
	}

	/** A slot of the plan was taken while it was applied. */
	static final class CascadeConflict extends ConflictException {

		CascadeConflict() {
			super("cascade-conflict", "A slot of the plan was taken while it was applied; ask for a new plan.");
		}

	}

}
