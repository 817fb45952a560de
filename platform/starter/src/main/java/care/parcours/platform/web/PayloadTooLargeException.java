package care.parcours.platform.web;

import java.io.IOException;

/**
 * A request body went past the configured limit. An {@link IOException} so that it can be
 * thrown from inside the body stream while a converter reads it.
 */
public class PayloadTooLargeException extends IOException {

	private final long limitBytes;

	public PayloadTooLargeException(long limitBytes) {
		super("Request body larger than " + limitBytes + " bytes");
		this.limitBytes = limitBytes;
	}

	public long limitBytes() {
		return limitBytes;
	}

}
