package care.parcours.gateway.problem;

import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The gateway refuses a request on its own account (no valid token, too many requests,
 * too large): raised from a filter, rendered as problem+json by the one error handler,
 * with the headers the refusal calls for ({@code WWW-Authenticate}, {@code Retry-After}).
 * The detail is written for the client; it never carries an exception message.
 */
public final class RequestRefused extends ResponseStatusException {

	private final transient GatewayProblem problem;

	private final HttpHeaders headers = new HttpHeaders();

	private RequestRefused(GatewayProblem problem) {
		super(problem.status(), problem.detail());
		this.problem = problem;
	}

	/**
	 * @param status a 4xx status
	 * @param slug the last segment of the problem type URI
	 * @param detail a sentence for people
	 */
	public static RequestRefused of(HttpStatus status, String slug, String detail) {
		if (!status.is4xxClientError()) {
			throw new IllegalArgumentException("A refusal is a client error, not " + status);
		}
		return new RequestRefused(new GatewayProblem(status, slug, detail));
	}

	/** The same refusal, answered with these headers as well. */
	public RequestRefused withHeaders(Consumer<HttpHeaders> headers) {
		headers.accept(this.headers);
		return this;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	GatewayProblem problem() {
		return this.problem;
	}

}
