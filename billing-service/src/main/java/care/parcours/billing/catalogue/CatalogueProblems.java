package care.parcours.billing.catalogue;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the catalogue's constraints mean to a billing clerk: a code already in the
 * catalogue, a tariff overlapping another of the same item and partner (also when two
 * imports race).
 */
@Configuration(proxyBeanMethods = false)
class CatalogueProblems {

	@Bean
	ConstraintProblem<Object> itemCodeTaken() {
		return ConstraintProblem.of("billable_item_code_once", () -> new ConflictException("item-code-taken",
				"The catalogue has an item with this nomenclature and code already."));
	}

	@Bean
	ConstraintProblem<Object> tariffOverlap() {
		return ConstraintProblem.of("tariff_validity_disjoint", () -> new ConflictException("tariff-overlap",
				"The partner has a tariff for this item on some of these days already: end it first, or start this one after it."));
	}

}
