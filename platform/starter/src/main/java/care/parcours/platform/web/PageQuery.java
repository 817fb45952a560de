package care.parcours.platform.web;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * Which page of a collection a client asks for. Resolved from the {@code page} (from 0)
 * and {@code size} query parameters of any controller method that takes one.
 *
 * @param page the page number, from 0
 * @param size items per page, 1 to {@value #MAX_SIZE}
 */
public record PageQuery(int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	public PageQuery {
		if (page < 0) {
			throw InvalidRequestException.naming("invalid-page", "page", "'page' must be 0 or more.");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidRequestException.naming("invalid-page", "size",
					"'size' must be between 1 and " + MAX_SIZE + ".");
		}
	}

	public long offset() {
		return (long) page * size;
	}

}
