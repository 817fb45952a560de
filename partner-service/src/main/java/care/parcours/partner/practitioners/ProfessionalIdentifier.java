package care.parcours.partner.practitioners;

import java.util.Objects;

/**
 * A practitioner's number in a national register, stored as its eleven digits.
 *
 * @param type the register
 * @param value eleven digits
 */
public record ProfessionalIdentifier(IdentifierType type, String value) {

	/**
	 * Reads a number as practitioners write it, with or without separators
	 * ({@code 1-23456-78-901}, {@code 10 003 456 789 5}).
	 * @throws IllegalArgumentException saying what is wrong with it
	 */
	public ProfessionalIdentifier {
		Objects.requireNonNull(type, "type");
		value = value.replaceAll("[\\s.\\-/]", "");
		if (!value.matches("[0-9]{11}")) {
			throw new IllegalArgumentException("must be 11 digits");
		}
		if (!type.checks(value)) {
			throw new IllegalArgumentException("is not a valid " + type + " number: its check digits do not match");
		}
	}

}
