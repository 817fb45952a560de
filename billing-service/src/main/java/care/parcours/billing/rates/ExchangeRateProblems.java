package care.parcours.billing.rates;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A pair's rate is recorded once per day: a second one is a conflict, not a correction.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeRateProblems {

	@Bean
	ConstraintProblem<Object> exchangeRateRecorded() {
		return ConstraintProblem.of("exchange_rate_once", () -> new ConflictException("exchange-rate-recorded",
				"A rate of this pair is recorded for this day already."));
	}

}
