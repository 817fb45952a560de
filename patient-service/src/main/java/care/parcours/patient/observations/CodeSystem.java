package care.parcours.patient.observations;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code systems allergies and medication are coded in: a fixed list, each code checked
 * for its shape (and SNOMED CT's for its check digit), so that a typo is refused rather
 * than stored as a code no system knows.
 */
public enum CodeSystem {

	/**
	 * SNOMED CT concept ids: 6 to 18 digits, the last a Verhoeff check digit (allergies,
	 * substances, products).
	 */
	SNOMED_CT("http://snomed.info/sct", Pattern.compile("[1-9][0-9]{5,17}")) {
		@Override
		boolean checks(String code) {
			return Verhoeff.isValid(code);
		}
	},

	/**
	 * WHO Anatomical Therapeutic Chemical classification, any of its five levels:
	 * {@code N}, {@code N02}, {@code N02B}, {@code N02BE}, {@code N02BE01}.
	 */
	ATC("http://www.whocc.no/atc", Pattern.compile("[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?"));

	private final String uri;

	private final Pattern shape;

	CodeSystem(String uri, Pattern shape) {
		this.uri = uri;
		this.shape = shape;
	}

	/** The system's URI, as FHIR names it. */
	public String uri() {
		return uri;
	}

	/** Whether a code, as normalised by {@link #normalise}, is one of this system's. */
	public boolean isValid(String code) {
		return shape.matcher(code).matches() && checks(code);
	}

	/** The code without surrounding spaces, ATC's letters upper-cased. */
	public String normalise(String code) {
		return this == ATC ? code.strip().toUpperCase(Locale.ROOT) : code.strip();
	}

	boolean checks(String code) {
		return true;
	}

	/** The Verhoeff check digit scheme SNOMED CT ids end with. */
	static final class Verhoeff {

		private static final int[][] MULTIPLY = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
				{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
				{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
				{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };

		private static final int[][] PERMUTE = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
				{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
				{ 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };

		private Verhoeff() {
		}

		static boolean isValid(String digits) {
			int check = 0;
			for (int i = 0; i < digits.length(); i++) {
				int digit = digits.charAt(digits.length() - 1 - i) - '0';
				check = MULTIPLY[check][PERMUTE[i % 8][digit]];
			}
			return check == 0;
		}

	}

}
