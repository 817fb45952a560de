package care.parcours.billing.coverage;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What coverage's constraints mean to billing staff. */
@Configuration(proxyBeanMethods = false)
class CoverageProblems {

	@Bean
	ConstraintProblem<Object> insurerCodeTaken() {
		return ConstraintProblem.of("insurer_code_once",
				() -> new ConflictException("insurer-code-taken", "An insurer has this code already."));
	}

	@Bean
	ConstraintProblem<Object> authorisationOpen() {
		return ConstraintProblem.of("prior_authorisation_open", () -> new ConflictException("authorisation-open",
				"This policy's insurer has a request or an approval for this quote already: record its answer, or let it lapse, first."));
	}

}
