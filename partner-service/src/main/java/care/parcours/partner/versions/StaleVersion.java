package care.parcours.partner.versions;

import java.util.Map;

import care.parcours.platform.domain.ConflictException;

/**
 * An edit made on a version that is no longer current: someone else changed the resource
 * in between. The client reads it again and decides.
 */
public final class StaleVersion extends ConflictException {

	private StaleVersion(String detail, Map<String, Object> properties) {
		super("stale-version", detail, properties);
	}

	StaleVersion(String resource, long expected, long current) {
		this(resource + " is at version " + current + ", not " + expected
				+ "; read it again and retry your edit on the current version.", Map.of("currentVersion", current));
	}

	/**
	 * The resource changed between reading and writing it within one request: another
	 * edit won the race.
	 */
	public static StaleVersion concurrentEdit(String resource) {
		return new StaleVersion(resource + " was changed by another edit at the same time; read it again and retry.",
				Map.of());
	}

}
