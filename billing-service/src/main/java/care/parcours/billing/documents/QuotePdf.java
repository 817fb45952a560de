package care.parcours.billing.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.coverage.CoverageSplit;
import care.parcours.billing.quotes.Quote;
import care.parcours.billing.quotes.QuoteLine;
import care.parcours.billing.quotes.QuoteVersion;
import care.parcours.billing.quotes.Terms;
import care.parcours.billing.rates.ExchangeRate;
import care.parcours.platform.money.Money;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * Writes a quote's version as an A4 PDF with Apache PDFBox: the header, one row per line
 * (code, label, quantity, unit price, VAT rate, total, what insurers and the patient
 * pay), the totals, each insurer's share, and the indicative amount in the patient's
 * currency naming the rate and its date. Amounts and dates are written for the patient's
 * language.
 */
final class QuotePdf extends Sheet {

	private QuotePdf(String language) {
		super(Wording.in(language));
	}

	/**
	 * The version as PDF bytes.
	 * @param insurers each insurer's name, by id
	 * @param rate the rate to the patient's currency, when one is recorded
	 */
	static byte[] render(Quote quote, QuoteVersion version, Map<UUID, String> insurers, @Nullable ExchangeRate rate) {
		return new QuotePdf(version.terms().language()).write(quote, version, insurers, rate);
	}

	private byte[] write(Quote quote, QuoteVersion version, Map<UUID, String> insurers, @Nullable ExchangeRate rate) {
		Terms terms = version.terms();
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document = pdf;
			newPage();
			text(bold, 16, MARGIN, words.title() + " " + quote.id().toString().substring(0, 8).toUpperCase() + " - "
					+ words.version() + " " + version.number());
			y -= 22;
			line(words.status() + ": " + version.status());
			line(words.validUntil() + " " + dates.format(terms.validUntil()));
			line(words.patient() + ": " + quote.patientId());
			line(words.pathway() + ": " + quote.pathwayId()
					+ (quote.stepId() == null ? "" : " - " + words.step() + ": " + quote.stepId()));
			line(words.amountsIn() + " " + terms.currency().getCurrencyCode());
			y -= 10;
			header();
			for (QuoteLine line : terms.lines()) {
				row(line, terms.split().lines().get(line.position() - 1));
			}
			y -= 6;
			rule();
			y -= 14;
			total(words.net(), terms.net(), false);
			total(words.vatTotal(), terms.vat(), false);
			total(words.grandTotal(), terms.total(), true);
			y -= 6;
			total(words.coveredBy(), terms.split().insurersTotal(), false);
			for (UUID policy : policies(terms.split())) {
				UUID insurer = terms.split().insurerOf(policy);
				String name = insurers.getOrDefault(insurer, insurer.toString());
				boolean authorisation = terms.split().policiesNeedingAuthorisation().contains(policy);
				total("   " + name + (authorisation ? " (" + words.authorisation() + ")" : ""),
						terms.split().shareOf(policy), false);
			}
			total(words.leftToPay(), terms.split().patientTotal(), true);
			if (terms.patientCurrency() != null) {
				y -= 10;
				if (rate == null) {
					line(words.noRate().formatted(terms.patientCurrency().getCurrencyCode()));
				}
				else {
					Money indicative = rate.convert(terms.total());
					NumberFormat rates = NumberFormat.getNumberInstance(words.locale());
					rates.setMaximumFractionDigits(10);
					line(words.indicative()
						.formatted(indicative.currency().getCurrencyCode(), money(indicative),
								"1 " + rate.base().getCurrencyCode() + " = " + rates.format(rate.rate()) + " "
										+ rate.counter().getCurrencyCode(),
								dates.format(rate.date())));
				}
			}
			page.close();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<UUID> policies(CoverageSplit split) {
		List<UUID> policies = new ArrayList<>();
		split.lines()
			.forEach(line -> line.shares()
				.stream()
				.map(CoverageSplit.InsurerShare::policyId)
				.filter(policy -> !policies.contains(policy))
				.forEach(policies::add));
		return policies;
	}

	private void row(QuoteLine line, CoverageSplit.LineSplit split) throws IOException {
		if (y < MARGIN + 120) {
			page.close();
			newPage();
			header();
		}
		cell(regular, 0, fit(line.code(), COLUMNS[1] - COLUMNS[0] - 4));
		cell(regular, 1, fit(line.label(), COLUMNS[2] - COLUMNS[1]));
		cell(regular, 2, number(line.quantity(), 3));
		cell(regular, 3, amount(line.unitPrice()));
		cell(regular, 4, number(line.vatRate().percent(), 2));
		cell(regular, 5, amount(line.total()));
		cell(regular, 6, amount(split.insurers()));
		cell(regular, 7, amount(split.patient()));
		y -= 12;
	}

}
