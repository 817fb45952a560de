package care.parcours.patient.identity;

import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form ({@code +33612345678}): the international prefix, a
 * country code that never starts with 0, and at most 15 digits in all. Written forms are
 * accepted and normalised: spaces, dots, dashes and brackets are dropped, {@code 00}
 * stands for {@code +}, and the French and Belgian habit of a trunk zero in brackets
 * ({@code +33 (0)6 12 34 56 78}) loses its zero. A national number without its country
 * code is refused: the patient's country of residence says nothing about where their
 * phone was issued.
 *
 * @param value the number in E.164 form
 */
public record PhoneNumber(String value) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	public PhoneNumber {
		String written = value.strip().replace("(0)", "").replaceAll("[\\s.\\-()/]", "");
		if (written.startsWith("00")) {
			written = "+" + written.substring(2);
		}
		if (!E164.matcher(written).matches()) {
			throw InvalidField.of("must be an international number with its country code, such as +33612345678");
		}
		value = written;
	}

	@Override
	public String toString() {
		return "PhoneNumber[redacted]";
	}

}
