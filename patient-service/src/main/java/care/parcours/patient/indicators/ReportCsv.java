package care.parcours.patient.indicators;

import java.io.IOException;
import java.io.Writer;

import care.parcours.patient.indicators.PartnerMonth.Figure;

/**
 * A report as RFC 4180 CSV (comma, CRLF, UTF-8), one figure a line: the partner, the
 * month, the figure's stable key, its label in the report's language, the currency for
 * money, the value (empty where there was nothing to divide). The header is in the
 * report's language too.
 */
record ReportCsv(ReportLanguage language) {

	static final String MEDIA_TYPE = "text/csv";

	private static final String[] COLUMNS = { "partner", "month", "indicator", "label", "currency", "value" };

	void header(Writer out) throws IOException {
		for (int i = 0; i < COLUMNS.length; i++) {
			out.write((i == 0) ? "" : ",");
			out.write(field(language.label(COLUMNS[i])));
		}
		out.write("\r\n");
	}

	void rows(PartnerMonth report, Writer out) throws IOException {
		for (Figure figure : report.figures()) {
			out.write(String.join(",", report.partnerId().toString(), report.month(), figure.key(),
					field(language.label(figure.key())), (figure.currency() == null) ? "" : figure.currency(),
					figure.value()));
			out.write("\r\n");
		}
	}

	private static String field(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
