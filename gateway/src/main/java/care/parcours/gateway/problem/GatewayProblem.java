package care.parcours.gateway.problem;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What went wrong, in the words the client gets: a status, a stable type slug and a human
 * detail that never carries an exception message, host name or port.
 *
 * @param status the HTTP status to answer with
 * @param slug the last segment of the problem type URI, stable for clients to switch on
 * @param detail a sentence for people
 * @param retryAfter how long to tell the client to wait before trying again, when it is
 * not the usual wait of a 503 ({@link ProblemProperties#retryAfter()})
 */
record GatewayProblem(HttpStatus status, String slug, String detail, @Nullable Duration retryAfter) {

	static final String TYPE_BASE = "https://parcours.care/problems/";

	GatewayProblem(HttpStatus status, String slug, String detail) {
		this(status, slug, detail, null);
	}

	URI type() {
		return URI.create(TYPE_BASE + this.slug);
	}

	String title() {
		return this.status.getReasonPhrase();
	}

}
