package care.parcours.billing.quotes;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.platform.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a version of a quote proposes: its priced lines, who pays what of them, its
 * currency and language, and until when the patient may accept it.
 *
 * @param currency the currency of every amount (ISO 4217)
 * @param language the patient's language, {@code fr}, {@code en} or {@code nl}: the
 * quote's labels and PDF are in it
 * @param patientCurrency the patient's own currency, for an indicative amount; none when
 * it is the quote's
 * @param validUntil the last day the patient may accept it
 * @param lines one or more priced lines
 * @param split what each insurer and the patient pay of each line
 */
public record Terms(Currency currency, String language, @Nullable Currency patientCurrency, LocalDate validUntil,
		List<QuoteLine> lines, CoverageSplit split) {

	public static final Set<String> LANGUAGES = Set.of("fr", "en", "nl");

	public Terms {
		lines = List.copyOf(lines);
		if (!LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language must be fr, en or nl");
		}
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("a quote has at least one line");
		}
		if (patientCurrency != null && patientCurrency.equals(currency)) {
			patientCurrency = null;
		}
		for (int i = 0; i < lines.size(); i++) {
			QuoteLine line = lines.get(i);
			CoverageSplit.LineSplit shares = i < split.lines().size() ? split.lines().get(i) : null;
			if (line.position() != i + 1 || !line.total().currency().equals(currency) || shares == null
					|| shares.position() != line.position() || !shares.total().equals(line.total())) {
				throw new IllegalArgumentException("line " + (i + 1) + " is out of place, currency or split");
			}
		}
		if (split.lines().size() != lines.size()) {
			throw new IllegalArgumentException("one split per line");
		}
	}

	/** The same terms, with a new split of the same lines. */
	Terms splitAs(CoverageSplit newSplit) {
		return new Terms(currency, language, patientCurrency, validUntil, lines, newSplit);
	}

	public Money net() {
		return sum(QuoteLine::net);
	}

	public Money vat() {
		return sum(QuoteLine::vat);
	}

	/** The sum of the lines' totals: each line was rounded first. */
	public Money total() {
		return sum(QuoteLine::total);
	}

	private Money sum(java.util.function.Function<QuoteLine, Money> amount) {
		return lines.stream().map(amount).reduce(Money.zero(currency), Money::plus);
	}

}
