package care.parcours.platform.web;

/**
 * The bounds every text and every list of a request body has, unless its own
 * {@code @Size} says otherwise: a client gets a 400 naming the field rather than storing
 * a megabyte in a name, and the OpenAPI documents show the same bounds.
 */
public final class InputLimits {

	/**
	 * The most characters a string of a request body may have without its own
	 * {@code @Size}.
	 */
	public static final int MAX_STRING_LENGTH = 1000;

	/**
	 * The most items an array of a request body may have without its own {@code @Size}.
	 */
	public static final int MAX_ITEMS = 500;

	private InputLimits() {
	}

}
