package care.parcours.billing.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.money.Money;

/**
 * Splits a quote's lines between the patient's insurers and the patient, exactly.
 * <p>
 * Payers go in order (national, mutual, private international; then the oldest policy
 * first). On each line, an insurer with a rule for the line's kind pays its share of what
 * the insurers before it left, shared out by {@link Money#allocate} so that no minor unit
 * is lost, at most its ceiling; its deductible, borne by the patient, is taken first from
 * what it would pay, line after line. Where the insurer approved less than that in a
 * prior authorisation, its shares are scaled down to the approved amount, again by
 * {@code allocate}, in proportion to each line's share. The patient pays the rest of each
 * line: shares and the patient's part always add up to the line's total.
 */
public final class CoverageCalculator {

	private static final long WHOLE = 10_000;

	private CoverageCalculator() {
	}

	/**
	 * A line to split.
	 *
	 * @param position its position in the quote
	 * @param kind its item's kind
	 * @param total its total, VAT included
	 */
	public record Billed(int position, ItemKind kind, Money total) {

	}

	/**
	 * @param lines the quote's lines
	 * @param currency the quote's currency; policies in another currency do not cover it
	 * @param policies the patient's policies in force
	 * @param approved what insurers approved in prior authorisations, by policy
	 */
	public static CoverageSplit split(List<Billed> lines, Currency currency, List<Policy> policies,
			Map<UUID, Money> approved) {
		List<Policy> payers = policies.stream()
			.filter(policy -> policy.deductible().currency().equals(currency))
			.sorted(Comparator.comparing(Policy::insurerKind)
				.thenComparing(Policy::createdAt)
				.thenComparing(Policy::id))
			.toList();
		Map<UUID, Money> deductibleLeft = new HashMap<>();
		payers.forEach(policy -> deductibleLeft.put(policy.id(), policy.deductible()));
		List<List<CoverageSplit.InsurerShare>> shares = new ArrayList<>();
		for (Billed line : lines) {
			if (!line.total().currency().equals(currency)) {
				throw new IllegalArgumentException("line " + line.position() + " is not in " + currency);
			}
			List<CoverageSplit.InsurerShare> lineShares = new ArrayList<>();
			Money left = line.total();
			for (Policy policy : payers) {
				CoverageRule rule = policy.rule(line.kind()).orElse(null);
				if (rule == null) {
					continue;
				}
				Money share = left.allocate(rule.basisPoints(), WHOLE - rule.basisPoints()).get(0);
				if (rule.ceiling() != null && share.minus(rule.ceiling()).amount().signum() > 0) {
					share = rule.ceiling();
				}
				Money deductible = least(deductibleLeft.get(policy.id()), share);
				deductibleLeft.put(policy.id(), deductibleLeft.get(policy.id()).minus(deductible));
				share = share.minus(deductible);
				if (share.amount().signum() > 0) {
					lineShares.add(new CoverageSplit.InsurerShare(policy.id(), policy.insurerId(), share,
							rule.authorisationRequired()));
					left = left.minus(share);
				}
			}
			shares.add(lineShares);
		}
		approved.forEach((policy, cap) -> capShares(shares, policy, cap));
		List<CoverageSplit.LineSplit> split = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Billed line = lines.get(i);
			Money insurers = shares.get(i)
				.stream()
				.map(CoverageSplit.InsurerShare::amount)
				.reduce(Money.zero(currency), Money::plus);
			split.add(new CoverageSplit.LineSplit(line.position(), line.total(), shares.get(i),
					line.total().minus(insurers)));
		}
		return new CoverageSplit(currency, split);
	}

	/** Scales a policy's shares down to what its insurer approved, when that is less. */
	private static void capShares(List<List<CoverageSplit.InsurerShare>> shares, UUID policy, Money cap) {
		List<CoverageSplit.InsurerShare> ofPolicy = shares.stream()
			.flatMap(List::stream)
			.filter(share -> share.policyId().equals(policy))
			.toList();
		if (ofPolicy.isEmpty() || !cap.currency().equals(ofPolicy.get(0).amount().currency())) {
			return;
		}
		Money total = ofPolicy.stream()
			.map(CoverageSplit.InsurerShare::amount)
			.reduce(Money.zero(cap.currency()), Money::plus);
		if (!cap.minus(total).isNegative()) {
			return;
		}
		long[] weights = ofPolicy.stream().mapToLong(share -> share.amount().minorUnits()).toArray();
		List<Money> scaled = cap.allocate(weights);
		int next = 0;
		for (List<CoverageSplit.InsurerShare> line : shares) {
			for (int i = 0; i < line.size(); i++) {
				CoverageSplit.InsurerShare share = line.get(i);
				if (share.policyId().equals(policy)) {
					line.set(i, new CoverageSplit.InsurerShare(share.policyId(), share.insurerId(), scaled.get(next++),
							share.authorisationRequired()));
				}
			}
		}
	}

	private static Money least(Money a, Money b) {
		return a.minus(b).isNegative() ? a : b;
	}

}
