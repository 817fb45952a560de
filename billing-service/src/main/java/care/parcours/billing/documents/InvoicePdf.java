package care.parcours.billing.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.billing.invoices.Invoice;
import care.parcours.billing.invoices.InvoiceLine;
import care.parcours.billing.invoices.Movement;
import care.parcours.platform.money.Money;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Writes an invoice as an A4 PDF laid out as its quote: its number, dates and quote, one
 * row per line (deposits deducted are negative), the totals and who is billed what, then
 * its credit notes, what was paid and refunded, and the balance due.
 */
final class InvoicePdf extends Sheet {

	private final InvoiceWording invoiceWords;

	private InvoicePdf(String language) {
		super(Wording.in(language));
		this.invoiceWords = InvoiceWording.in(language);
	}

	/**
	 * The invoice as PDF bytes.
	 * @param insurers each insurer's name, by id
	 * @param issuedOn the day it was issued, in billing's zone
	 */
	static byte[] render(Invoice invoice, Map<UUID, String> insurers, LocalDate issuedOn) {
		return new InvoicePdf(invoice.language()).write(invoice, insurers, issuedOn);
	}

	private byte[] write(Invoice invoice, Map<UUID, String> insurers, LocalDate issuedOn) {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document = pdf;
			newPage();
			String title = switch (invoice.kind()) {
				case DEPOSIT -> invoiceWords.deposit();
				case BALANCE -> invoiceWords.balance();
				case FULL -> invoiceWords.invoice();
			};
			text(bold, 16, MARGIN, title + " " + invoiceWords.number() + " " + invoice.number());
			y -= 22;
			line(invoiceWords.issuedOn() + " " + dates.format(issuedOn));
			line(invoiceWords.dueOn() + " " + dates.format(invoice.dueOn()));
			line(invoiceWords.quote() + " " + invoice.quoteId().toString().substring(0, 8).toUpperCase() + " - "
					+ words.version() + " " + invoice.quoteVersion());
			line(words.patient() + ": " + invoice.patientId());
			line(words.pathway() + ": " + invoice.pathwayId()
					+ (invoice.stepId() == null ? "" : " - " + words.step() + ": " + invoice.stepId()));
			line(words.amountsIn() + " " + invoice.currency().getCurrencyCode());
			y -= 10;
			header();
			for (InvoiceLine line : invoice.lines()) {
				row(line);
			}
			y -= 6;
			rule();
			y -= 14;
			total(words.net(), invoice.net(), false);
			total(words.vatTotal(), invoice.vat(), false);
			total(words.grandTotal(), invoice.total(), true);
			y -= 6;
			total(words.coveredBy(), invoice.insurersTotal(), false);
			for (UUID insurer : insurersOf(invoice)) {
				total("   " + insurers.getOrDefault(insurer, insurer.toString()), billedTo(invoice, insurer), false);
			}
			total(words.leftToPay(), invoice.patientTotal(), false);
			y -= 6;
			for (Movement movement : invoice.movements()) {
				if (movement instanceof Movement.CreditNote note) {
					total(invoiceWords.creditNote() + " " + note.number(), negative(note.amount()), false);
				}
			}
			total(invoiceWords.paid(), negative(invoice.paid()), false);
			total(invoiceWords.refunded(), invoice.refunded(), false);
			total(invoiceWords.balanceDue(), invoice.balance(), true);
			page.close();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void row(InvoiceLine line) throws IOException {
		if (y < MARGIN + 160) {
			page.close();
			newPage();
			header();
		}
		cell(regular, 0, fit(line.code(), COLUMNS[1] - COLUMNS[0] - 4));
		cell(regular, 1, fit(line.label(), COLUMNS[2] - COLUMNS[1]));
		cell(regular, 2, line.quantity() == null ? "" : number(line.quantity(), 3));
		cell(regular, 3, line.unitPrice() == null ? "" : amount(line.unitPrice()));
		cell(regular, 4, line.vatRate() == null ? "" : number(line.vatRate(), 2));
		cell(regular, 5, amount(line.total()));
		cell(regular, 6, amount(line.insurers()));
		cell(regular, 7, amount(line.patient()));
		y -= 12;
	}

	private static List<UUID> insurersOf(Invoice invoice) {
		List<UUID> insurers = new ArrayList<>();
		invoice.lines()
			.forEach(line -> line.shares()
				.stream()
				.map(InvoiceLine.PayerShare::insurerId)
				.filter(insurer -> !insurers.contains(insurer))
				.forEach(insurers::add));
		return insurers;
	}

	private static Money billedTo(Invoice invoice, UUID insurer) {
		return invoice.lines()
			.stream()
			.flatMap(line -> line.shares().stream())
			.filter(share -> share.insurerId().equals(insurer))
			.map(InvoiceLine.PayerShare::amount)
			.reduce(Money.zero(invoice.currency()), Money::plus);
	}

	private static Money negative(Money money) {
		return Money.zero(money.currency()).minus(money);
	}

}
