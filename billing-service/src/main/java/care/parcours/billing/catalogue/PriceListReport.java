package care.parcours.billing.catalogue;

import java.util.List;

import care.parcours.platform.domain.RuleViolationException;

/**
 * What importing a price list did: every row was readable and consistent with the
 * catalogue, so all of them were imported in one transaction.
 *
 * @param rows the rows read
 * @param itemsAdded items the catalogue did not have
 * @param tariffsAdded new tariffs
 * @param unchanged rows whose tariff was there already with the same terms (a file
 * imported again changes nothing)
 */
public record PriceListReport(int rows, int itemsAdded, int tariffsAdded, int unchanged) {

	/**
	 * A row that cannot be imported.
	 *
	 * @param line its line in the file, the header being line 1
	 * @param field the column at fault ({@code row} for the row as a whole)
	 * @param reason why
	 */
	public record RejectedRow(long line, String field, String reason) {

	}

	/**
	 * A price list with rows that cannot be imported: nothing of it is, so that a
	 * partner's prices are never half updated; the clerk corrects the rows named and
	 * sends the whole file again.
	 */
	public static final class Rejected extends RuleViolationException {

		Rejected(int rows, List<RejectedRow> rejected) {
			super("price-list-rejected", rejected.stream().mapToLong(RejectedRow::line).distinct().count() + " of "
					+ rows
					+ " rows cannot be imported, so none was: correct the rows listed in rejectedRows and import the file again.",
					java.util.Map.of("rows", rows, "rejectedRows", rejected.stream()
						.map(row -> java.util.Map.of("line", row.line(), "field", row.field(), "reason", row.reason()))
						.toList()));
		}

	}

}
