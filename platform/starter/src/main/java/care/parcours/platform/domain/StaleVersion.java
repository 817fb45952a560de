package care.parcours.platform.domain;

import java.util.Map;

/**
 * An edit made on a version that is no longer current: someone else changed the resource
 * in between (HTTP 409 {@code stale-version}). The client reads it again and decides. The
 * problem carries {@code currentVersion} when the current version is known.
 */
public final class StaleVersion extends ConflictException {

	private StaleVersion(String detail, Map<String, Object> properties) {
		super("stale-version", detail, properties);
	}

	/**
	 * The client edited a version older than the stored one.
	 * @param resource what is edited, such as {@code "Partner 6f…"}
	 * @param expected the version the client read
	 * @param current the version stored now
	 */
	public StaleVersion(String resource, long expected, long current) {
		this(resource + " is at version " + current + ", not " + expected
				+ "; read it again and retry your edit on the current version.", Map.of("currentVersion", current));
	}

	/**
	 * The resource changed between reading and writing it within one request: another
	 * edit won the race, so its version is not known here.
	 * @param resource what is edited, such as {@code "Booking 6f…"}
	 */
	public static StaleVersion concurrentEdit(String resource) {
		return new StaleVersion(resource + " was changed by another edit at the same time; read it again and retry.",
				Map.of());
	}

}
