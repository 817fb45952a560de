package care.parcours.billing.catalogue;

import java.util.Objects;

/**
 * An item's name in the patient's languages: French, English and Dutch.
 *
 * @param fr in French
 * @param en in English
 * @param nl in Dutch
 */
public record Labels(String fr, String en, String nl) {

	public Labels {
		Objects.requireNonNull(fr, "fr");
		Objects.requireNonNull(en, "en");
		Objects.requireNonNull(nl, "nl");
	}

	/** The label in a language among {@code fr}, {@code en} and {@code nl}. */
	public String in(String language) {
		return switch (language) {
			case "fr" -> fr;
			case "nl" -> nl;
			default -> en;
		};
	}

}
