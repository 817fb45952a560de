package care.parcours.gateway.ratelimit;

import java.util.Locale;

/**
 * Which bucket a route's requests take from, named in the route as {@code RateLimit=api}.
 */
enum Policy {

	/** Per client or user once authenticated, per remote address before. */
	API,

	/** Per remote address, always: the caller is still proving who it is. */
	LOGIN;

	static Policy named(String name) {
		return valueOf(name.trim().toUpperCase(Locale.ROOT));
	}

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
