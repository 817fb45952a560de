package care.parcours.patient.observations;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A coded entry of a list: a code of a known system and the text shown for it.
 *
 * @param system the code system
 * @param code the code, normalised
 * @param display how it reads, 1 to {@value #MAX_DISPLAY} characters
 */
public record CodedConcept(CodeSystem system, String code, String display) {

	public static final int MAX_CODE = 18;

	public static final int MAX_DISPLAY = 200;

	/**
	 * @throws InvalidRequestException naming {@code code} or {@code display}, never
	 * quoting them
	 */
	public CodedConcept {
		code = system.normalise(code);
		if (code.isEmpty() || code.length() > MAX_CODE || !system.isValid(code)) {
			throw InvalidRequestException.ofField("code", "is not a " + system.name() + " code");
		}
		display = display.strip();
		if (display.isEmpty() || display.length() > MAX_DISPLAY) {
			throw InvalidRequestException.ofField("display", "must be 1 to " + MAX_DISPLAY + " characters");
		}
	}

}
