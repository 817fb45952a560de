package care.parcours.billing.quotes;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the quote tables' constraints mean: one accepted version per quote. */
@Configuration(proxyBeanMethods = false)
class QuoteProblems {

	@Bean
	ConstraintProblem<Object> oneAcceptedVersion() {
		return ConstraintProblem.of("quote_one_accepted", () -> new ConflictException("quote-accepted",
				"Another version of this quote was accepted at the same time."));
	}

}
