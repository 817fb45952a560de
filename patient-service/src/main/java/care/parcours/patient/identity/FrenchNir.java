package care.parcours.patient.identity;

import java.util.regex.Pattern;

/**
 * A French social security number (NIR, numéro d'inscription au répertoire): sex (1, 2,
 * or 3, 4, 7, 8 for provisional numbers), year and month of birth (months 20 to 42 and 50
 * to 99 stand for an unknown month), department (two digits, or {@code 2A}/{@code 2B} for
 * Corsica), commune, order number, then a 2-digit key: 97 minus the first 13 characters
 * modulo 97, Corsica's {@code 2A} and {@code 2B} counted as 19 and 18 (INSEE).
 *
 * @param value 15 characters, without spaces
 */
public record FrenchNir(String value) implements Identifier {

	private static final Pattern SHAPE = Pattern
		.compile("[123478][0-9]{2}(0[1-9]|1[0-2]|[2-4][0-9]|[5-9][0-9])([0-9]{2}|2[AB])[0-9]{6}[0-9]{2}");

	public FrenchNir {
		value = Identifier.compact(value).toUpperCase(java.util.Locale.ROOT);
		if (!SHAPE.matcher(value).matches()) {
			throw InvalidField
				.of("must be a NIR of 15 characters: sex, year, month, department, commune, " + "order number and key");
		}
		if (Integer.parseInt(value.substring(13)) != keyOf(value.substring(0, 13))) {
			throw InvalidField.of("is not a valid NIR: its key does not match");
		}
	}

	/** The key of the first 13 characters. */
	static int keyOf(String thirteen) {
		String digits = thirteen.replace("2A", "19").replace("2B", "18");
		return (int) (97 - Long.parseLong(digits) % 97);
	}

	@Override
	public IdentifierType type() {
		return IdentifierType.FR_NIR;
	}

	@Override
	public String issuer() {
		return "";
	}

	@Override
	public String toString() {
		return "FrenchNir[redacted]";
	}

}
