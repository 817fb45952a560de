package care.parcours.gateway.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The firewall's header checks without regular expressions. Spring Security's strict
 * firewall accepts a header whose name and value hold only assigned, non-control
 * characters (a tab allowed in values), and checks it with a pattern; on a bearer token
 * of eight hundred characters, sent with every request, that pattern cost the gateway 3.5
 * % of its CPU in the overhead benchmark's profile. These accept exactly what those
 * patterns accept ({@code HeaderCharactersTests} compares them), one character at a time.
 *
 * @see StrictServerWebExchangeFirewall#ALLOWED_HEADER_NAMES
 * @see StrictServerWebExchangeFirewall#ALLOWED_HEADER_VALUES
 */
final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}; no name at all is allowed. */
	static boolean isAllowedName(@Nullable String name) {
		return allowed(name, false);
	}

	/**
	 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; no value at all (a header looked
	 * for and absent) is allowed.
	 */
	static boolean isAllowedValue(@Nullable String value) {
		return allowed(value, true);
	}

	private static boolean allowed(@Nullable String text, boolean tab) {
		if (text == null) {
			return true;
		}
		int length = text.length();
		for (int i = 0; i < length;) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
