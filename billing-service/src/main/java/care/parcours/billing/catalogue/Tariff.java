package care.parcours.billing.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * A partner's price for an item from one day to another (both included), or until further
 * notice.
 *
 * @param id the tariff
 * @param itemId what it prices
 * @param partnerId who bills at this price
 * @param unitPrice the price of one unit, VAT excluded
 * @param vatRate the VAT on it: zero for an exempt kind of item
 * @param validFrom the first day it applies
 * @param validUntil the last day it applies; none until further notice
 * @param sample whether it comes from the sample catalogue
 * @param createdAt when it was recorded
 */
public record Tariff(UUID id, UUID itemId, UUID partnerId, Money unitPrice, VatRate vatRate, LocalDate validFrom,
		@Nullable LocalDate validUntil, boolean sample, Instant createdAt) {

	/**
	 * A new tariff for an item, checked by {@link #refusal}.
	 * @throws care.parcours.platform.domain.InvalidRequestException naming the field
	 */
	public static Tariff of(UUID id, BillableItem item, UUID partnerId, Money unitPrice, VatRate vatRate,
			LocalDate validFrom, @Nullable LocalDate validUntil, boolean sample, Instant now) {
		refusal(item.kind(), unitPrice, vatRate, validFrom, validUntil).ifPresent(refusal -> {
			throw refusal.asProblem("");
		});
		return new Tariff(id, item.id(), partnerId, unitPrice, vatRate, validFrom, validUntil, sample, now);
	}

	/**
	 * Why a tariff is refused, if it is: a negative price, VAT on an exempt kind, an end
	 * before the start.
	 */
	public static Optional<Refusal> refusal(ItemKind kind, Money unitPrice, VatRate vatRate, LocalDate validFrom,
			@Nullable LocalDate validUntil) {
		if (unitPrice.isNegative()) {
			return Optional.of(new Refusal("unitPrice", "must not be negative"));
		}
		if (kind.vatExempt() && !vatRate.isZero()) {
			return Optional.of(new Refusal("vatRate", "must be 0: " + kind + " is exempt from VAT"));
		}
		if (validUntil != null && validUntil.isBefore(validFrom)) {
			return Optional.of(new Refusal("validUntil", "must not be before validFrom"));
		}
		return Optional.empty();
	}

	public boolean appliesOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
	}

	/** Whether both tariffs have a day in common. */
	public boolean overlaps(LocalDate from, @Nullable LocalDate until) {
		return (validUntil == null || !from.isAfter(validUntil)) && (until == null || !until.isBefore(validFrom));
	}

	/** Whether another tariff says the same: a row imported again changes nothing. */
	public boolean sameTermsAs(Tariff other) {
		return itemId.equals(other.itemId) && partnerId.equals(other.partnerId) && unitPrice.equals(other.unitPrice)
				&& vatRate.equals(other.vatRate) && validFrom.equals(other.validFrom)
				&& java.util.Objects.equals(validUntil, other.validUntil);
	}

}
