package care.parcours.scheduling.availability;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** Reads the version an {@code If-Match} header names: {@code "3"} or {@code W/"3"}. */
public final class Versions {

	private Versions() {
	}

	public static @Nullable Long parse(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw InvalidRequestException.ofField("If-Match", "must be the ETag of the resource, such as \"3\"");
		}
	}

}
