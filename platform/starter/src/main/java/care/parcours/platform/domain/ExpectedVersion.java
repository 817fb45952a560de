package care.parcours.platform.domain;

/**
 * The version of a resource an edit was made on, as its {@code ETag} said when the client
 * read it. A controller method that takes one requires {@code If-Match} (the starter
 * resolves it from the header); a service method that takes one checks it against the
 * stored version before it changes anything.
 *
 * @param value the version
 */
public record ExpectedVersion(long value) {

	public ExpectedVersion {
		if (value < 0) {
			throw new IllegalArgumentException("a version is never negative");
		}
	}

	/**
	 * Refuses the edit when the resource has moved on since the client read it.
	 * @param resource what is edited, for the problem's detail, such as
	 * {@code "Partner 6f…"}
	 * @param current the version stored now
	 * @throws StaleVersion when they differ
	 */
	public void requireCurrent(String resource, long current) {
		if (current != value) {
			throw new StaleVersion(resource, value, current);
		}
	}

}
