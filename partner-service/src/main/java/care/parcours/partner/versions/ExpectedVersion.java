package care.parcours.partner.versions;

/**
 * The version of a resource an edit was made on, as its {@code ETag} said when the client
 * read it. Controller methods take one to require {@code If-Match}.
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
