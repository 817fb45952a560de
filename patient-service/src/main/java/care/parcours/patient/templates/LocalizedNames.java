package care.parcours.patient.templates;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A name in the three languages of the network: French, English and Dutch (Belgian
 * networks work in French and Dutch, international patients read English).
 *
 * @param fr in French
 * @param en in English
 * @param nl in Dutch
 */
public record LocalizedNames(String fr, String en, String nl) {

	public LocalizedNames {
		requireText("fr", fr);
		requireText("en", en);
		requireText("nl", nl);
		fr = fr.strip();
		en = en.strip();
		nl = nl.strip();
	}

	private static void requireText(String language, String name) {
		if (name == null || name.isBlank()) {
			throw InvalidRequestException.ofField("names." + language, "must not be blank");
		}
	}

}
