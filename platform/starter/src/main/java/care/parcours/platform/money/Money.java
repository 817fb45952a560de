package care.parcours.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money in an ISO 4217 currency, exact to the currency's minor unit (cents
 * for EUR, none for JPY, fils for BHD). On the wire it reads {@code {"amount": "12.50",
 * "currency": "EUR"}}: the amount is a string, so that no client parses it into a
 * floating-point number.
 * <p>
 * The amount keeps exactly the currency's number of decimals: {@code 12.5} and
 * {@code 12.500} EUR both become {@code 12.50}, but {@code 12.505} EUR is refused. Money
 * is never rounded silently; where a share must be rounded, {@link #allocate} says how
 * the cents left over are handed out. Amounts may be negative (a refund, a credit note).
 *
 * @param amount the amount, in units of the currency
 * @param currency the currency; one without a minor unit defined (gold, {@code XXX}) is
 * refused
 */
public record Money(BigDecimal amount, Currency currency) {

	/**
	 * Digits before the decimal point: a quadrillion is far beyond any care pathway, and
	 * below it every amount counts its minor units in a {@code long} (three decimals at
	 * most), while {@code 1e999999999} cannot make the constructor build a billion
	 * digits.
	 */
	private static final int MAX_DIGITS = 15;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		int decimals = currency.getDefaultFractionDigits();
		if (decimals < 0) {
			throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency amounts are kept in");
		}
		if (amount.precision() - amount.scale() > MAX_DIGITS) {
			throw new IllegalArgumentException("must be below 10^" + MAX_DIGITS + " in absolute value");
		}
		if (amount.stripTrailingZeros().scale() > decimals) {
			throw new IllegalArgumentException("must have at most " + decimals + " decimals in "
					+ currency.getCurrencyCode() + ": money is not rounded silently");
		}
		amount = amount.setScale(decimals);
	}

	/**
	 * Parses an amount such as {@code "12.50"} in a currency such as {@code "EUR"}.
	 * @throws IllegalArgumentException when either is not one
	 */
	public static Money of(String amount, String currency) {
		BigDecimal decimal;
		try {
			// Parsing is not linear in the length: refuse a page of digits before it.
			if (amount.length() > 40) {
				throw new NumberFormatException();
			}
			decimal = new BigDecimal(amount);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("amount must be a decimal number such as \"12.50\"");
		}
		return new Money(decimal, currencyOf(currency));
	}

	/** An amount counted in minor units: {@code ofMinor(1250, EUR)} is 12.50 EUR. */
	public static Money ofMinor(long minorUnits, Currency currency) {
		return new Money(BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0)), currency);
	}

	public static Money zero(Currency currency) {
		return ofMinor(0, currency);
	}

	/**
	 * The amount in minor units, as a database column such as {@code total_minor} keeps
	 * it.
	 */
	public long minorUnits() {
		return amount.unscaledValue().longValueExact();
	}

	public Money plus(Money other) {
		return new Money(amount.add(sameCurrency(other).amount), currency);
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(sameCurrency(other).amount), currency);
	}

	/** This amount {@code quantity} times, as a line of {@code quantity} items. */
	public Money times(long quantity) {
		return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	/**
	 * Splits this amount into {@code parts} shares as equal as the minor unit allows, the
	 * larger ones first: 10.00 EUR in three is 3.34, 3.33, 3.33.
	 */
	public List<Money> split(int parts) {
		if (parts < 1) {
			throw new IllegalArgumentException("must split into at least one part");
		}
		long[] ratios = new long[parts];
		Arrays.fill(ratios, 1);
		return allocate(ratios);
	}

	/**
	 * Shares this amount out in proportion to {@code ratios}, without losing or making a
	 * minor unit: each share is its exact proportion rounded towards zero, and the minor
	 * units left over go one each to the first shares of a non-zero ratio. The shares
	 * always add up to this amount.
	 * @param ratios one non-negative weight per share, at least one of them positive
	 */
	public List<Money> allocate(long... ratios) {
		BigInteger total = amount.unscaledValue().abs();
		BigInteger weights = BigInteger.ZERO;
		for (long ratio : ratios) {
			if (ratio < 0) {
				throw new IllegalArgumentException("ratios must not be negative");
			}
			weights = weights.add(BigInteger.valueOf(ratio));
		}
		if (weights.signum() == 0) {
			throw new IllegalArgumentException("at least one ratio must be positive");
		}
		List<BigInteger> shares = new ArrayList<>(ratios.length);
		BigInteger left = total;
		for (long ratio : ratios) {
			BigInteger share = total.multiply(BigInteger.valueOf(ratio)).divide(weights);
			shares.add(share);
			left = left.subtract(share);
		}
		for (int i = 0; left.signum() > 0; i++) {
			if (ratios[i] > 0) {
				shares.set(i, shares.get(i).add(BigInteger.ONE));
				left = left.subtract(BigInteger.ONE);
			}
		}
		return shares.stream()
			.map(share -> new Money(new BigDecimal(amount.signum() < 0 ? share.negate() : share, amount.scale()),
					currency))
			.toList();
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}

	@JsonValue
	Map<String, String> toJson() {
		Map<String, String> json = new LinkedHashMap<>();
		json.put("amount", amount.toPlainString());
		json.put("currency", currency.getCurrencyCode());
		return json;
	}

	@JsonCreator
	static Money fromJson(@JsonProperty("amount") @Nullable String amount,
			@JsonProperty("currency") @Nullable String currency) {
		if (amount == null || currency == null) {
			throw new IllegalArgumentException("must have an amount such as \"12.50\" and a currency such as \"EUR\"");
		}
		return of(amount, currency);
	}

	private Money sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
		}
		return other;
	}

	private static Currency currencyOf(String code) {
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
		}
	}

}
