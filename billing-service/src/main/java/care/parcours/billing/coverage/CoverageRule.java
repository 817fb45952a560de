package care.parcours.billing.coverage;

import java.math.BigDecimal;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a policy pays of a line of one kind: a share of what the insurers before it left
 * to pay, at most a ceiling per line, and whether the insurer must approve it first.
 *
 * @param kind the kind of item
 * @param sharePercent the share, 0 to 100, at most two decimals
 * @param ceiling the most it pays of one line, in the policy's currency; none: no limit
 * @param authorisationRequired whether a quote with such a line needs the insurer's prior
 * authorisation before the patient can accept it
 */
public record CoverageRule(ItemKind kind, BigDecimal sharePercent, @Nullable Money ceiling,
		boolean authorisationRequired) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public CoverageRule {
		if (sharePercent.signum() < 0 || sharePercent.compareTo(HUNDRED) > 0
				|| sharePercent.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("share must be 0 to 100 percent, at most two decimals");
		}
		if (ceiling != null && ceiling.isNegative()) {
			throw new IllegalArgumentException("ceiling must not be negative");
		}
		sharePercent = sharePercent.setScale(2);
	}

	/** The share in hundredths of a percent, as {@link Money#allocate} weighs it. */
	long basisPoints() {
		return sharePercent.movePointRight(2).longValueExact();
	}

}
