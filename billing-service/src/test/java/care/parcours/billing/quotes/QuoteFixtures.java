package care.parcours.billing.quotes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.BillingFixtures;
import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.VatRate;
import care.parcours.billing.coverage.CoverageCalculator;
import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.billing.coverage.Policy;
import care.parcours.platform.money.Money;

/** Quotes as the service would build them, for tests without Spring. */
public final class QuoteFixtures {

	public static final UUID PATIENT = UUID.fromString("9e4b2c1d-8a7f-4b3e-a2d1-0c9b8a7f6e55");

	public static final UUID PARTNER = UUID.fromString("0b8f1d3e-7a47-4c1f-9d55-2f6f4d0e6a11");

	public static final UUID PATHWAY = UUID.fromString("c0ffee00-1d2e-4f3a-8b4c-5d6e7f8a9b0c");

	public static final UUID STEP = UUID.fromString("5e7a9c1b-3d5f-4a7b-9c1d-3e5f7a9b1c3d");

	private QuoteFixtures() {
	}

	/** A line to price: an item, a quantity, a unit price, a discount and a VAT rate. */
	public record Asked(BillableItem item, String quantity, String unitPrice, String discount, String vat) {

	}

	public static Asked asked(BillableItem item, String quantity, String unitPrice, String vat) {
		return new Asked(item, quantity, unitPrice, "0", vat);
	}

	/** A hip replacement, three hotel nights and four interpreter hours, in EUR. */
	public static List<Asked> hipStay() {
		return List.of(asked(BillingFixtures.hipReplacement(), "1", "9800.00", "0"),
				asked(BillingFixtures.hotelNight(), "3", "120.00", "10"),
				asked(BillingFixtures.interpreterHour(), "4", "65.00", "20"));
	}

	public static Terms terms(String language, String currency, LocalDate validUntil, List<Asked> asked,
			List<Policy> policies, Map<UUID, Money> approved) {
		Currency money = Currency.getInstance(currency);
		List<QuoteLine> lines = new ArrayList<>();
		for (Asked line : asked) {
			lines.add(QuoteLine.price(lines.size() + 1, line.item(), language, new BigDecimal(line.quantity()),
					Money.of(line.unitPrice(), currency), new BigDecimal(line.discount()),
					new VatRate(new BigDecimal(line.vat()))));
		}
		CoverageSplit split = CoverageCalculator.split(lines.stream()
			.map(line -> new CoverageCalculator.Billed(line.position(), line.kind(), line.total()))
			.toList(), money, policies, approved);
		return new Terms(money, language, null, validUntil, lines, split);
	}

	public static Terms terms(List<Asked> asked) {
		return terms("en", "EUR", LocalDate.parse("2026-12-15"), asked, List.of(), Map.of());
	}

	public static Quote.Change drafted(Terms terms) {
		return Quote.draft(UUID.randomUUID(), PATIENT, PARTNER, PATHWAY, STEP, terms,
				java.time.Instant.parse("2026-12-15T23:00:00Z"), BillingFixtures.NOW);
	}

	public static Quote.Approvals noneNeeded() {
		return (quote, version, split) -> {
		};
	}

}
