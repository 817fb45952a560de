package care.parcours.billing.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

import care.parcours.platform.money.Money;

/**
 * How many units of {@code counter} one unit of {@code base} bought on a day, as billing
 * staff recorded it.
 *
 * @param id the rate
 * @param base the currency converted from, such as EUR
 * @param counter the currency converted to, such as MAD
 * @param rate units of {@code counter} per unit of {@code base}, positive, at most ten
 * decimals
 * @param date the day the rate is for
 * @param recordedBy who recorded it (a staff login, never a patient)
 * @param recordedAt when
 */
public record ExchangeRate(UUID id, Currency base, Currency counter, BigDecimal rate, LocalDate date, String recordedBy,
		Instant recordedAt) {

	public ExchangeRate {
		if (base.equals(counter)) {
			throw new IllegalArgumentException("converts a currency into another");
		}
		if (rate.signum() <= 0) {
			throw new IllegalArgumentException("rate must be positive");
		}
		if (base.getDefaultFractionDigits() < 0 || counter.getDefaultFractionDigits() < 0) {
			throw new IllegalArgumentException("converts currencies amounts are kept in");
		}
		rate = rate.stripTrailingZeros();
	}

	/**
	 * An amount in {@code base} as {@code counter}, rounded half-even to its minor unit:
	 * indicative only, never billed.
	 */
	public Money convert(Money amount) {
		if (!amount.currency().equals(base)) {
			throw new IllegalArgumentException("converts " + base + ", not " + amount.currency());
		}
		BigDecimal converted = amount.amount()
			.multiply(rate)
			.setScale(counter.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
		return new Money(converted, counter);
	}

}
