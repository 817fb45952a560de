package care.parcours.http;

import org.jspecify.annotations.Nullable;

/**
 * The bearer token of an {@code Authorization} header, read as Spring Security's
 * resolvers read it (RFC 6750's {@code b64token}: {@code Bearer} in any case, one space,
 * {@code [A-Za-z0-9-._~+/]+=*}) but without their regular expression, which cost the
 * gateway 5.9 % of its CPU in the overhead benchmark's profile ({@code HttpSyntaxTests}
 * compares the two).
 */
public final class BearerCredentials {

	private static final String SCHEME = "Bearer ";

	private BearerCredentials() {
	}

	/**
	 * Whether the header claims to carry a bearer token (it starts with {@code bearer} in
	 * any case): if so and {@link #tokenOf} finds none, the token is malformed.
	 */
	public static boolean isBearer(@Nullable String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, "bearer", 0, 6);
	}

	/** The token, or null when the header is not {@code Bearer <b64token>}. */
	public static @Nullable String tokenOf(String authorization) {
		int start = SCHEME.length();
		if (!authorization.regionMatches(true, 0, SCHEME, 0, start)) {
			return null;
		}
		int end = authorization.length();
		while (end > start && authorization.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			return null;
		}
		for (int i = start; i < end; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				return null;
			}
		}
		return authorization.substring(start);
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
