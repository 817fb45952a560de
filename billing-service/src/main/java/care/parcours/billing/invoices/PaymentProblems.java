package care.parcours.billing.invoices;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the invoice tables' constraints mean, and the problems of payments. */
@Configuration(proxyBeanMethods = false)
class PaymentProblems {

	@Bean
	ConstraintProblem<Object> paymentReferenceOnce() {
		return ConstraintProblem.of("payment_reference_once", () -> new ConflictException("payment-reference-used",
				"This provider's reference names another payment, recorded at the same time."));
	}

	@Bean
	ConstraintProblem<Object> quoteBilledOnce() {
		return ConstraintProblem.of("invoice_quote_closed", () -> new ConflictException("quote-invoiced",
				"This quote was invoiced in full, or for its balance, at the same time."));
	}

}
