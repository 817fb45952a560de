package care.parcours.billing.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A partner's price list as CSV (RFC 4180: comma-separated, fields with commas, quotes or
 * line breaks in double quotes; {@code #} starts a comment line), read by Apache Commons
 * CSV. The header names the columns, in any order:
 * {@code kind,nomenclature,code,label_fr,label_en,label_nl,currency,unit_price,vat_rate,valid_from,valid_until}.
 * Amounts and rates take a decimal point ({@code 1250.50}); dates are ISO
 * ({@code 2026-01-01}); {@code vat_rate} may be left empty for a kind exempt from VAT,
 * and {@code valid_until} for a tariff until further notice.
 */
public final class PriceList {

	static final List<String> COLUMNS = List.of("kind", "nomenclature", "code", "label_fr", "label_en", "label_nl",
			"currency", "unit_price", "vat_rate", "valid_from", "valid_until");

	private static final int MAX_LABEL = 200;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setCommentMarker('#')
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private PriceList() {
	}

	/**
	 * Reads every row, each either what it says or why it cannot be read.
	 * @throws InvalidRequestException when the file is not CSV with the columns above
	 */
	public static List<PriceListRow> read(Reader csv) {
		try (CSVParser parser = FORMAT.parse(csv)) {
			if (parser.getHeaderMap() == null || parser.getHeaderMap().isEmpty()) {
				throw header("the file is empty");
			}
			List<String> missing = COLUMNS.stream()
				.filter(column -> !parser.getHeaderMap().containsKey(column))
				.toList();
			if (!missing.isEmpty()) {
				throw header("the header lacks " + String.join(", ", missing));
			}
			List<PriceListRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				rows.add(row(parser.getCurrentLineNumber(), record, parser.getHeaderMap().size()));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (UncheckedIOException | IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidRequestException("invalid-price-list",
					"The file is not a CSV price list: " + ex.getMessage());
		}
	}

	private static PriceListRow row(long line, CSVRecord record, int columns) {
		if (!record.isConsistent()) {
			return PriceListRow.refused(line,
					List.of(new Refusal("row", "has " + record.size() + " fields where the header has " + columns)));
		}
		Fields fields = new Fields(record);
		ItemKind kind = fields.parse("kind", text -> ItemKind.valueOf(text.toUpperCase(Locale.ROOT)),
				"must be one of " + Arrays.toString(ItemKind.values()));
		Nomenclature nomenclature = fields.parse("nomenclature",
				text -> Nomenclature.valueOf(text.toUpperCase(Locale.ROOT)),
				"must be one of " + Arrays.toString(Nomenclature.values()));
		String code = fields.required("code");
		if (code != null && nomenclature != null) {
			nomenclature.refusal(code).ifPresent(reason -> fields.refuse("code", reason));
			if (kind != null && !nomenclature.names(kind)) {
				fields.refuse("nomenclature", nomenclature + " names medical acts only, not " + kind);
			}
		}
		Labels labels = new Labels(fields.label("label_fr"), fields.label("label_en"), fields.label("label_nl"));
		Currency currency = fields.parse("currency", PriceList::currency, "must be an ISO 4217 code such as EUR");
		Money price = currency == null ? null
				: fields.parse("unit_price", text -> new Money(decimal(text), currency),
						"must be a decimal amount with a point and at most " + currency.getDefaultFractionDigits()
								+ " decimals in " + currency.getCurrencyCode() + ", such as 1250.50");
		VatRate vat = fields.vatRate(kind);
		LocalDate from = fields.parse("valid_from", LocalDate::parse, "must be a date such as 2026-01-01");
		LocalDate until = fields.optional("valid_until", LocalDate::parse, "must be a date such as 2026-12-31");
		if (from != null && until != null && until.isBefore(from)) {
			fields.refuse("valid_until", "must not be before valid_from");
		}
		if (fields.refusals.isEmpty()) {
			Tariff.refusal(kind, price, vat, from, until)
				.ifPresent(refusal -> fields.refuse(column(refusal.field()), refusal.reason()));
		}
		if (!fields.refusals.isEmpty()) {
			return PriceListRow.refused(line, fields.refusals);
		}
		return PriceListRow.read(line,
				new PriceListRow.Price(kind, nomenclature, code, labels, price, vat, from, until));
	}

	private static String column(String field) {
		return switch (field) {
			case "unitPrice" -> "unit_price";
			case "vatRate" -> "vat_rate";
			case "validUntil" -> "valid_until";
			default -> field;
		};
	}

	private static Currency currency(String code) {
		Currency currency = Currency.getInstance(code);
		if (currency.getDefaultFractionDigits() < 0) {
			throw new IllegalArgumentException(code);
		}
		return currency;
	}

	/** A positive decimal with a point, of a reasonable length: never a float. */
	static BigDecimal decimal(String text) {
		if (text.length() > 24 || !text.matches("^[0-9]+(\\.[0-9]+)?$")) {
			throw new NumberFormatException(text);
		}
		return new BigDecimal(text);
	}

	private static InvalidRequestException header(String why) {
		return new InvalidRequestException("invalid-price-list", "The file is not a CSV price list: " + why
				+ ". Its first line names the columns " + String.join(",", COLUMNS) + ".");
	}

	/** The fields of one record, and what is wrong with them so far. */
	private static final class Fields {

		private final CSVRecord record;

		private final List<Refusal> refusals = new ArrayList<>();

		Fields(CSVRecord record) {
			this.record = record;
		}

		void refuse(String field, String reason) {
			refusals.add(new Refusal(field, reason));
		}

		@Nullable String required(String column) {
			String value = record.get(column);
			if (value == null || value.isBlank()) {
				refuse(column, "is required");
				return null;
			}
			return value;
		}

		String label(String column) {
			String value = required(column);
			if (value != null && value.length() > MAX_LABEL) {
				refuse(column, "must be at most " + MAX_LABEL + " characters");
			}
			return value == null ? "" : value;
		}

		<T> @Nullable T parse(String column, Function<String, T> parser, String expected) {
			String value = required(column);
			return value == null ? null : parsed(column, value, parser, expected);
		}

		<T> @Nullable T optional(String column, Function<String, T> parser, String expected) {
			String value = record.get(column);
			return (value == null || value.isBlank()) ? null : parsed(column, value, parser, expected);
		}

		@Nullable VatRate vatRate(@Nullable ItemKind kind) {
			String value = record.get("vat_rate");
			if ((value == null || value.isBlank()) && kind != null && kind.vatExempt()) {
				return VatRate.EXEMPT;
			}
			BigDecimal percent = parse("vat_rate", PriceList::decimal, "must be a decimal number such as 21 or 5.5");
			if (percent == null) {
				return null;
			}
			Optional<String> refusal = VatRate.refusal(percent);
			if (refusal.isPresent()) {
				refuse("vat_rate", refusal.get());
				return null;
			}
			if (kind != null && kind.vatExempt() && percent.signum() != 0) {
				refuse("vat_rate", "must be 0 or empty: " + kind + " is exempt from VAT");
				return null;
			}
			return new VatRate(percent);
		}

		private <T> @Nullable T parsed(String column, String value, Function<String, T> parser, String expected) {
			try {
				return parser.apply(value);
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				refuse(column, expected + " (was " + DomainException.quote(value) + ")");
				return null;
			}
		}

	}

}
