package care.parcours.patient.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, kept lower-cased: people type {@code Yasmine@Example.org} one day
 * and {@code yasmine@example.org} the next, and the look-up must find both. (The local
 * part is case-sensitive in RFC 5321, but no mail provider our patients use treats it
 * so.)
 *
 * @param value the address, lower case
 */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	public EmailAddress {
		value = value.strip().toLowerCase(Locale.ROOT);
		if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
			throw InvalidField.of("must be an e-mail address such as name@example.org");
		}
	}

	@Override
	public String toString() {
		return "EmailAddress[redacted]";
	}

}
