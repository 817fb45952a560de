package care.parcours.billing.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A patient's policy with an insurer (by the patient's id only: no personal data in
 * billing). The patient bears the deductible first, over a whole quote; then the rules
 * say what the insurer pays of each kind of item.
 *
 * @param id the policy
 * @param patientId whose
 * @param insurerId with whom
 * @param insurerKind the insurer's kind, which orders payers
 * @param deductible what the patient pays before this insurer pays anything, in the
 * policy's currency; the policy covers quotes in that currency only
 * @param validFrom first day covered
 * @param validUntil last day covered; none until further notice
 * @param rules one per kind of item it covers
 * @param version counts changes (ETag)
 * @param createdAt when it was recorded
 */
public record Policy(UUID id, UUID patientId, UUID insurerId, InsurerKind insurerKind, Money deductible,
		LocalDate validFrom, @Nullable LocalDate validUntil, List<CoverageRule> rules, long version,
		Instant createdAt) {

	public Policy {
		rules = List.copyOf(rules);
		if (rules.stream().map(CoverageRule::kind).distinct().count() != rules.size()) {
			throw new IllegalArgumentException("one rule per kind of item");
		}
		if (validUntil != null && validUntil.isBefore(validFrom)) {
			throw new IllegalArgumentException("validUntil must not be before validFrom");
		}
		if (deductible.isNegative()) {
			throw new IllegalArgumentException("deductible must not be negative");
		}
		for (CoverageRule rule : rules) {
			if (rule.ceiling() != null && !rule.ceiling().currency().equals(deductible.currency())) {
				throw new IllegalArgumentException("ceilings are in the policy's currency");
			}
		}
	}

	public boolean coversOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	public Optional<CoverageRule> rule(ItemKind kind) {
		return rules.stream().filter(rule -> rule.kind() == kind).findFirst();
	}

	/** The same policy with new terms, one version later. */
	Policy revise(Money deductible, LocalDate validFrom, @Nullable LocalDate validUntil, List<CoverageRule> rules) {
		return new Policy(id, patientId, insurerId, insurerKind, deductible, validFrom, validUntil, rules, version + 1,
				createdAt);
	}

}
