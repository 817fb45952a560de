package care.parcours.billing.documents;

import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;

import care.parcours.platform.money.Money;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An A4 page of a billing document as quotes and invoices lay it out with Apache PDFBox:
 * a table of lines (code, label, quantity, unit price, VAT rate, total, insurers,
 * patient) and totals below it, amounts and dates written for the document's language.
 */
abstract class Sheet {

	static final float MARGIN = 40;

	static final float TOP = PDRectangle.A4.getHeight() - MARGIN;

	/**
	 * The code's and the label's left edges, where the label must end, then the right
	 * edges of the number columns: quantity, unit price, VAT rate, total, insurers,
	 * patient.
	 */
	static final float[] COLUMNS = { MARGIN, MARGIN + 90, MARGIN + 232, MARGIN + 262, MARGIN + 322, MARGIN + 350,
			MARGIN + 410, MARGIN + 463, MARGIN + 515 };

	final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	final Map<Integer, Boolean> encodable = new HashMap<>();

	final Wording words;

	final NumberFormat amounts;

	final DateTimeFormatter dates;

	PDDocument document;

	PDPageContentStream page;

	float y;

	Sheet(Wording words) {
		this.words = words;
		this.amounts = NumberFormat.getNumberInstance(words.locale());
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale());
	}

	void header() throws IOException {
		String[] titles = { words.code(), words.label(), words.quantity(), words.unitPrice(), words.vat(),
				words.total(), words.insurers(), words.patientShare() };
		for (int i = 0; i < titles.length; i++) {
			cell(bold, i, titles[i]);
		}
		y -= 4;
		rule();
		y -= 12;
	}

	void total(String label, Money amount, boolean strong) throws IOException {
		PDType1Font font = strong ? bold : regular;
		text(font, 10, MARGIN + 200, label);
		String value = money(amount);
		text(font, 10, COLUMNS[8] - width(font, 10, value), value);
		y -= 14;
	}

	void line(String text) throws IOException {
		text(regular, 10, MARGIN, text);
		y -= 14;
	}

	/** Text columns start at their left edge; number columns end at their right one. */
	void cell(PDType1Font font, int column, String text) throws IOException {
		float x = column < 2 ? COLUMNS[column] : COLUMNS[column + 1] - width(font, 8, text);
		text(font, 8, x, text);
	}

	void text(PDType1Font font, float size, float x, String text) throws IOException {
		page.beginText();
		page.setFont(font, size);
		page.newLineAtOffset(x, y);
		page.showText(printable(font, text));
		page.endText();
	}

	void rule() throws IOException {
		page.moveTo(MARGIN, y);
		page.lineTo(COLUMNS[8], y);
		page.stroke();
	}

	void newPage() throws IOException {
		PDPage next = new PDPage(PDRectangle.A4);
		document.addPage(next);
		page = new PDPageContentStream(document, next);
		y = TOP;
	}

	String money(Money money) {
		return amount(money) + " " + money.currency().getCurrencyCode();
	}

	String amount(Money money) {
		int digits = money.currency().getDefaultFractionDigits();
		amounts.setMinimumFractionDigits(digits);
		amounts.setMaximumFractionDigits(digits);
		return amounts.format(money.amount());
	}

	String number(BigDecimal value, int decimals) {
		NumberFormat format = NumberFormat.getNumberInstance(words.locale());
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	String fit(String text, float room) throws IOException {
		String fitted = text;
		while (fitted.length() > 1 && width(regular, 8, fitted) > room) {
			fitted = fitted.substring(0, fitted.length() - 2) + "…";
		}
		return fitted;
	}

	float width(PDType1Font font, float size, String text) throws IOException {
		return font.getStringWidth(printable(font, text)) / 1000 * size;
	}

	/**
	 * The standard fonts write WinAnsi only: French locales group digits with a narrow
	 * no-break space, written as a no-break space; anything else they lack becomes ?.
	 */
	String printable(PDType1Font font, String text) {
		StringBuilder printable = new StringBuilder(text.length());
		text.replace('\u202F', '\u00A0').codePoints().forEach(c -> {
			boolean ok = encodable.computeIfAbsent(c, code -> {
				try {
					font.encode(new String(Character.toChars(code)));
					return true;
				}
				catch (IOException | IllegalArgumentException ex) {
					return false;
				}
			});
			printable.appendCodePoint(ok ? c : '?');
		});
		return printable.toString();
	}

}
