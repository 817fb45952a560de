package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Nomenclature;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;

/**
 * A priced line of a quote: the item as it was when quoted, and each amount rounded
 * half-even to the currency's minor unit, line by line, before any total is made.
 *
 * @param position from 1, in the quote's order
 * @param itemId the catalogue's item
 * @param kind its kind, which decided its VAT
 * @param nomenclature whose code names it
 * @param code the code
 * @param label its name in the quote's language
 * @param quantity how many units, more than zero, at most three decimals
 * @param unitPrice the price of one unit, VAT excluded
 * @param discountPercent the discount on the line, 0 to 100
 * @param vatRate VAT on the discounted amount
 * @param gross quantity times unit price
 * @param discount the discount's amount
 * @param net gross less discount
 * @param vat the VAT on the net amount
 * @param total net plus VAT
 */
public record QuoteLine(int position, UUID itemId, ItemKind kind, Nomenclature nomenclature, String code, String label,
		BigDecimal quantity, Money unitPrice, BigDecimal discountPercent, VatRate vatRate, Money gross, Money discount,
		Money net, Money vat, Money total) {

	static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(100_000);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public QuoteLine {
		if (!net.equals(gross.minus(discount)) || !total.equals(net.plus(vat))) {
			throw new IllegalArgumentException("line " + position + " does not add up");
		}
		quantity = plain(quantity);
	}

	/** {@code 2} rather than {@code 2.000} or {@code 2E+0}. */
	static BigDecimal plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	/**
	 * Prices a line of an item.
	 * @throws InvalidRequestException naming the field under {@code lines[i]} when the
	 * quantity, the discount or the VAT rate is out of bounds
	 */
	static QuoteLine price(int position, BillableItem item, String language, BigDecimal quantity, Money unitPrice,
			BigDecimal discountPercent, VatRate vatRate) {
		String field = "lines[" + (position - 1) + "].";
		if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0
				|| quantity.stripTrailingZeros().scale() > 3) {
			throw InvalidRequestException.ofField(field + "quantity",
					"must be more than 0 and at most 100000, with at most 3 decimals");
		}
		if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0
				|| discountPercent.stripTrailingZeros().scale() > 2) {
			throw InvalidRequestException.ofField(field + "discountPercent", "must be 0 to 100, at most 2 decimals");
		}
		if (unitPrice.isNegative()) {
			throw InvalidRequestException.ofField(field + "unitPrice", "must not be negative");
		}
		if (item.kind().vatExempt() && !vatRate.isZero()) {
			throw InvalidRequestException.ofField(field + "vatRate",
					"must be 0: " + item.kind() + " is exempt from VAT");
		}
		int decimals = unitPrice.amount().scale();
		Money gross = new Money(unitPrice.amount().multiply(quantity).setScale(decimals, RoundingMode.HALF_EVEN),
				unitPrice.currency());
		Money discount = new Money(
				gross.amount().multiply(discountPercent).divide(HUNDRED).setScale(decimals, RoundingMode.HALF_EVEN),
				unitPrice.currency());
		Money net = gross.minus(discount);
		Money vat = vatRate.of(net);
		return new QuoteLine(position, item.id(), item.kind(), item.nomenclature(), item.code(),
				item.labels().in(language), plain(quantity), unitPrice,
				discountPercent.setScale(2, RoundingMode.UNNECESSARY), vatRate, gross, discount, net, vat,
				net.plus(vat));
	}

}
