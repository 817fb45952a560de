package care.parcours.billing.catalogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import care.parcours.platform.money.Money;

/**
 * A VAT rate in percent, from 0 to 30 (the highest standard rate in the EU is 27 %), at
 * most two decimals (5.5 % in France).
 *
 * @param percent the rate, such as {@code 21} or {@code 5.5}
 */
public record VatRate(BigDecimal percent) {

	public static final BigDecimal MAX = BigDecimal.valueOf(30);

	public static final VatRate EXEMPT = new VatRate(BigDecimal.ZERO);

	public VatRate {
		if (percent.signum() < 0 || percent.compareTo(MAX) > 0) {
			throw new IllegalArgumentException("must be between 0 and 30 percent");
		}
		if (percent.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("must have at most 2 decimals");
		}
		percent = percent.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** Why a rate is refused, if it is. */
	public static Optional<String> refusal(BigDecimal percent) {
		try {
			new VatRate(percent);
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage());
		}
	}

	public boolean isZero() {
		return percent.signum() == 0;
	}

	/** The VAT on a net amount, rounded half-even to the currency's minor unit. */
	public Money of(Money net) {
		BigDecimal vat = net.amount()
			.multiply(percent)
			.divide(BigDecimal.valueOf(100))
			.setScale(net.amount().scale(), RoundingMode.HALF_EVEN);
		return new Money(vat, net.currency());
	}

}
