package care.parcours.platform.domain;

import java.util.List;
import java.util.Map;

/**
 * The request itself is wrong in a way that validation annotations cannot express (HTTP
 * 400).
 */
public non-sealed class InvalidRequestException extends DomainException {

	public InvalidRequestException(String detail) {
		this("invalid-request", detail, Map.of());
	}

	public InvalidRequestException(String problemType, String detail) {
		this(problemType, detail, Map.of());
	}

	public InvalidRequestException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

	/**
	 * A refusal of its own type that also names, in the problem's {@code errors}, the
	 * field or query parameter it concerns, so a client can point at it.
	 */
	public static InvalidRequestException naming(String problemType, String field, String detail) {
		return new InvalidRequestException(problemType, detail,
				Map.of("errors", List.of(Map.of("field", field, "message", detail))));
	}

	/**
	 * A validation failure of one field that annotations could not catch (an unknown
	 * code, say), reported like the annotation failures: as an entry of the problem's
	 * {@code errors}.
	 */
	public static InvalidRequestException ofField(String field, String message) {
		return new InvalidRequestException("validation-failed", "The request has an invalid field.",
				Map.of("errors", List.of(Map.of("field", field, "message", message))));
	}

}
