package care.parcours.platform.domain;

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

}
