package care.parcours.billing.catalogue;

import java.time.LocalDate;
import java.util.List;

import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * One row of a partner's price list: an item and the partner's tariff for it, or why the
 * row cannot be read.
 *
 * @param line the row's line in the file, the header being line 1
 * @param price what the row says, when every field could be read
 * @param refusals why not, field by field, otherwise
 */
public record PriceListRow(long line, @Nullable Price price, List<Refusal> refusals) {

	/**
	 * What a readable row says.
	 *
	 * @param kind the item's kind
	 * @param nomenclature whose code names the item
	 * @param code the item's code
	 * @param labels its name in French, English and Dutch
	 * @param unitPrice the partner's price of one unit, VAT excluded
	 * @param vatRate VAT on it
	 * @param validFrom first day
	 * @param validUntil last day, if any
	 */
	public record Price(ItemKind kind, Nomenclature nomenclature, String code, Labels labels, Money unitPrice,
			VatRate vatRate, LocalDate validFrom, @Nullable LocalDate validUntil) {

	}

	static PriceListRow read(long line, Price price) {
		return new PriceListRow(line, price, List.of());
	}

	static PriceListRow refused(long line, List<Refusal> refusals) {
		return new PriceListRow(line, null, List.copyOf(refusals));
	}

}
