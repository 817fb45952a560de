package care.parcours.http;

import org.jspecify.annotations.Nullable;

/**
 * Spring Security's strict firewalls' header checks, without regular expressions. They
 * accept a header whose name and value hold only assigned, non-control characters (a tab
 * allowed in values), checked with a pattern; on a bearer token of eight hundred
 * characters, sent with every request, that pattern cost the gateway 3.5 % of its CPU in
 * the overhead benchmark's profile. These accept exactly what those patterns accept
 * ({@code HttpSyntaxTests} compares them), one character at a time.
 */
public final class HeaderCharacters {

	private HeaderCharacters() {
	}

	/** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}; no name at all is allowed. */
	public static boolean isAllowedName(@Nullable String name) {
		return allowed(name, false);
	}

	/**
	 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; no value at all (a header looked
	 * for and absent) is allowed.
	 */
	public static boolean isAllowedValue(@Nullable String value) {
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
