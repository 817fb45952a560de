package care.parcours.billing.coverage;

import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.money.Money;

/**
 * Who pays what of a quote, line by line: each insurer's share and the patient's, which
 * add up to the line's total to the minor unit.
 *
 * @param currency the quote's currency
 * @param lines one per line of the quote, in its order
 */
public record CoverageSplit(Currency currency, List<LineSplit> lines) {

	public CoverageSplit {
		lines = List.copyOf(lines);
	}

	/**
	 * One line's split.
	 *
	 * @param position the line's position in the quote
	 * @param total the line's total, VAT included
	 * @param shares what each insurer pays, payers in order
	 * @param patient what the patient pays: the rest
	 */
	public record LineSplit(int position, Money total, List<InsurerShare> shares, Money patient) {

		public LineSplit {
			shares = List.copyOf(shares);
			Money paid = shares.stream().map(InsurerShare::amount).reduce(patient, Money::plus);
			if (!paid.equals(total) || patient.isNegative()) {
				throw new IllegalArgumentException("line " + position + ": shares " + shares + " and patient " + patient
						+ " do not add up to " + total);
			}
		}

		public Money insurers() {
			return shares.stream().map(InsurerShare::amount).reduce(Money.zero(total.currency()), Money::plus);
		}

	}

	/**
	 * What one policy's insurer pays of a line.
	 *
	 * @param policyId the patient's policy
	 * @param insurerId its insurer
	 * @param amount what it pays, never negative
	 * @param authorisationRequired whether it must approve before the patient accepts
	 */
	public record InsurerShare(UUID policyId, UUID insurerId, Money amount, boolean authorisationRequired) {

	}

	/** The split of a quote nobody covers: the patient pays every line. */
	public static CoverageSplit uncovered(Currency currency, List<Money> totals) {
		return new CoverageSplit(currency,
				java.util.stream.IntStream.range(0, totals.size())
					.mapToObj(i -> new LineSplit(i + 1, totals.get(i), List.of(), totals.get(i)))
					.toList());
	}

	public Money total() {
		return lines.stream().map(LineSplit::total).reduce(Money.zero(currency), Money::plus);
	}

	public Money insurersTotal() {
		return lines.stream().map(LineSplit::insurers).reduce(Money.zero(currency), Money::plus);
	}

	public Money patientTotal() {
		return lines.stream().map(LineSplit::patient).reduce(Money.zero(currency), Money::plus);
	}

	/** What one policy's insurer pays of the whole quote. */
	public Money shareOf(UUID policyId) {
		return lines.stream()
			.flatMap(line -> line.shares().stream())
			.filter(share -> share.policyId().equals(policyId))
			.map(InsurerShare::amount)
			.reduce(Money.zero(currency), Money::plus);
	}

	/**
	 * The policies whose insurer must approve the quote before the patient accepts it.
	 */
	public Set<UUID> policiesNeedingAuthorisation() {
		Set<UUID> policies = new LinkedHashSet<>();
		lines.forEach(line -> line.shares()
			.stream()
			.filter(InsurerShare::authorisationRequired)
			.forEach(share -> policies.add(share.policyId())));
		return policies;
	}

	/** The insurer of a policy sharing in the quote. */
	public UUID insurerOf(UUID policyId) {
		return lines.stream()
			.flatMap(line -> line.shares().stream())
			.filter(share -> share.policyId().equals(policyId))
			.map(InsurerShare::insurerId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("policy " + policyId + " pays nothing of this quote"));
	}

}
