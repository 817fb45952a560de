package care.parcours.billing.documents;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.coverage.CoverageFixtures;
import care.parcours.billing.coverage.InsurerKind;
import care.parcours.billing.coverage.Policy;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteFixtures;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.billing.quotes.Terms;
import care.parcours.billing.rates.ExchangeRate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote's PDF read back with PDFBox's text extraction, as a patient's reader shows
 * it: lines, totals and the indicative amount in the patient's language.
 */
class QuotePdfTests {

	private final Policy national = CoverageFixtures.policy(InsurerKind.NATIONAL, "0",
			CoverageFixtures.rule(ItemKind.MEDICAL_ACT, "70", null, false));

	private final ExchangeRate rate = new ExchangeRate(UUID.randomUUID(), Currency.getInstance("EUR"),
			Currency.getInstance("MAD"), new BigDecimal("10.8125"), LocalDate.parse("2026-11-18"), "billing",
			Instant.parse("2026-11-18T08:00:00Z"));

	@Test
	void inFrenchTheLinesAndTotalsAreWrittenTheFrenchWay() throws IOException {
		List<String> lines = text(render("fr"));

		assertThat(lines).contains("Devis " + "CAFEBABE - Version 1", "Statut: DRAFT",
				"Valable jusqu'au 15 décembre 2026", "Montants en EUR");
		assertThat(lines).contains("NEKA020 Prothèse totale de hanche 1 9 800,00 0 9 800,00 6 860,00 2 940,00",
				"HOTEL-NIGHT Nuit d'hôtel 3 120,00 10 396,00 0,00 396,00",
				"INTERPRETER-HOUR Interprète, par heure 4 65,00 20 312,00 0,00 312,00");
		assertThat(lines).contains("Total HT 10 420,00 EUR", "TVA 88,00 EUR", "Total TTC 10 508,00 EUR",
				"Pris en charge par les assureurs 6 860,00 EUR", "Caisse nationale (NAT) 6 860,00 EUR",
				"Reste à la charge du patient 3 648,00 EUR");
		assertThat(lines).contains(
				"Montant indicatif en MAD : 113 617,75 MAD, au taux de 1 EUR = 10,8125 MAD enregistré pour le 18 novembre 2026");
	}

	@Test
	void inDutchTheLinesAndTotalsAreWrittenTheBelgianWay() throws IOException {
		List<String> lines = text(render("nl"));

		assertThat(lines).contains("Offerte CAFEBABE - Versie 1", "Geldig tot 15 december 2026");
		assertThat(lines).contains("NEKA020 Totale heupprothese 1 9.800,00 0 9.800,00 6.860,00 2.940,00",
				"HOTEL-NIGHT Hotelnacht 3 120,00 10 396,00 0,00 396,00");
		assertThat(lines).contains("Totaal excl. btw 10.420,00 EUR", "Btw 88,00 EUR", "Totaal incl. btw 10.508,00 EUR",
				"Ten laste van de verzekeraars 6.860,00 EUR", "Ten laste van de patiënt 3.648,00 EUR");
		assertThat(lines).contains(
				"Indicatief bedrag in MAD: 113.617,75 MAD, tegen de koers van 1 EUR = 10,8125 MAD geregistreerd voor 18 november 2026");
	}

	@Test
	void withoutARecordedRateThePdfSaysThereIsNoIndicativeAmount() throws IOException {
		Quote quote = quote("en");

		List<String> lines = text(QuotePdf.render(quote, quote.latest(), Map.of(), null));

		assertThat(lines).contains("No exchange rate to MAD is recorded: no indicative amount.",
				"Total incl. VAT 10,508.00 EUR");
	}

	private byte[] render(String language) {
		Quote quote = quote(language);
		return QuotePdf.render(quote, quote.latest(), Map.of(national.insurerId(), "Caisse nationale (NAT)"), rate);
	}

	private Quote quote(String language) {
		Terms terms = QuoteFixtures.terms(language, "EUR", LocalDate.parse("2026-12-15"), QuoteFixtures.hipStay(),
				List.of(national), Map.of());
		Terms withPatientCurrency = new Terms(terms.currency(), language, Currency.getInstance("MAD"),
				terms.validUntil(), terms.lines(), terms.split());
		Quote drafted = QuoteFixtures.drafted(withPatientCurrency).quote();
		QuoteVersion version = drafted.latest();
		return new Quote(UUID.fromString("cafebabe-0000-4000-8000-000000000001"), drafted.patientId(),
				drafted.partnerId(), drafted.pathwayId(), drafted.stepId(), List.of(version), 0, drafted.createdAt());
	}

	/** The PDF's text, line by line, with no-break spaces read as spaces. */
	static List<String> text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00A0', ' ').lines().map(String::strip).toList();
		}
	}

}
