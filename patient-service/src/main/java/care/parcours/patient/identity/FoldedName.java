package care.parcours.patient.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A name reduced to what people agree on when they spell it differently: case, accents
 * and diacritics folded, ligatures spelt out, spaces, hyphens and apostrophes dropped. So
 * {@code "Ben-Ali"}, {@code "BEN ALI"} and {@code "benali"} fold alike, as do
 * {@code "Müller"} and {@code "MULLER"}, and {@code "Œuvray"} and {@code "oeuvray"}. It
 * does not transliterate between scripts: {@code "بن علي"} and {@code "Ben Ali"} stay
 * different names. Never shown nor stored in clear: only its keyed digest is.
 *
 * @param value the folded name
 */
public record FoldedName(String value) {

	public FoldedName {
		if (value.isEmpty()) {
			throw InvalidField.of("must hold at least one letter");
		}
	}

	/** Folds a name as written. */
	public static FoldedName of(String written) {
		String decomposed = Normalizer.normalize(written, Normalizer.Form.NFKD);
		StringBuilder folded = new StringBuilder(decomposed.length());
		decomposed.codePoints()
			.filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
			.map(Character::toLowerCase)
			.forEach(c -> folded.append(spelt(c)));
		return new FoldedName(folded.toString().toLowerCase(Locale.ROOT));
	}

	/** Letters that carry no separable accent in Unicode, spelt as people type them. */
	private static String spelt(int c) {
		return switch (c) {
			case 'ß' -> "ss";
			case 'æ' -> "ae";
			case 'œ' -> "oe";
			case 'ø' -> "o";
			case 'ł' -> "l";
			case 'đ' -> "d";
			case 'ı' -> "i";
			default -> Character.isLetterOrDigit(c) ? Character.toString(c) : "";
		};
	}

	@Override
	public String toString() {
		return "FoldedName[redacted]";
	}

}
