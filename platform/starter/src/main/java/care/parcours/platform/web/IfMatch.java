package care.parcours.platform.web;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.problem.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * The {@link ExpectedVersion} a controller method takes, read from {@code If-Match},
 * which makes the header required: an edit without it is refused with 428 (RFC 6585),
 * since it would silently overwrite someone else's change. The header holds one strong
 * entity tag, {@code "3"}, as our {@code ETag}s are (docs/adr/0004-if-match.md).
 */
final class IfMatch {

	static final HeaderArgument<ExpectedVersion> ARGUMENT = new HeaderArgument<>(ExpectedVersion.class,
			HttpHeaders.IF_MATCH, true, "The ETag of the version you edit, such as \"3\"; 428 without it.",
			IfMatch::expectedVersion);

	/** Enough digits for any {@code bigint} version, few enough to parse as a long. */
	private static final int MAX_DIGITS = 18;

	private IfMatch() {
	}

	private static ExpectedVersion expectedVersion(NativeWebRequest request) {
		String header = request.getHeader(HttpHeaders.IF_MATCH);
		String tag = header == null ? "" : header.strip();
		// "*" matches any version: it would disable the check the header is there for.
		if (tag.isEmpty() || tag.equals("*")) {
			throw preconditionRequired();
		}
		return new ExpectedVersion(versionIn(tag));
	}

	/**
	 * The version a strong entity tag names. A weak tag ({@code W/"3"}) is refused rather
	 * than read: we never send one, and If-Match compares strongly (RFC 9110, 13.1.1).
	 */
	private static long versionIn(String tag) {
		int digits = tag.length() - 2;
		if (digits < 1 || digits > MAX_DIGITS || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
			throw badTag();
		}
		for (int i = 1; i <= digits; i++) {
			char c = tag.charAt(i);
			if (c < '0' || c > '9') {
				throw badTag();
			}
		}
		return Long.parseLong(tag, 1, tag.length() - 1, 10);
	}

	private static InvalidRequestException badTag() {
		return InvalidRequestException.ofField(HttpHeaders.IF_MATCH,
				"must be the ETag of the version you edit, such as \"3\"");
	}

	private static ErrorResponseException preconditionRequired() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
				"Edits need If-Match with the ETag of the version you read, such as If-Match: \"3\".");
		problem.setType(ProblemTypes.of("precondition-required"));
		problem.setTitle("Precondition Required");
		return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
	}

}
