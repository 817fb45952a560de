package care.parcours.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable problem type URIs clients can switch on. Domain exceptions bring their own
 * slug; the rest are named after the HTTP condition.
 */
public final class ProblemTypes {

	public static final String BASE = "https://parcours.care/problems/";

	public static final String VALIDATION = "validation-failed";

	public static final String MALFORMED = "malformed-request";

	public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

	public static final String INTERNAL = "internal-error";

	/**
	 * A change that kept losing to concurrent ones, retried and still aborted: nothing
	 * was changed, and trying again shortly will do.
	 */
	public static final String BUSY = "busy";

	/**
	 * The service cannot do its work now (its database out of reach) and will again by
	 * itself: try again after {@code Retry-After}.
	 */
	public static final String UNAVAILABLE = "service-unavailable";

	private ProblemTypes() {
	}

	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

	/** The type of a problem that only has an HTTP status to go by. */
	public static URI forStatus(HttpStatusCode status) {
		return of(switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 410 -> "gone";
			case 412 -> "precondition-failed";
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> "unsupported-media-type";
			case 422 -> "rule-violation";
			case 428 -> "precondition-required";
			case 429 -> "too-many-requests";
			case 503 -> UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL : "client-error";
		});
	}

}
