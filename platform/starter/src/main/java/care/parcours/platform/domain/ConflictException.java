package care.parcours.platform.domain;

import java.util.Map;

/**
 * The request collides with the current state: taken, stale, duplicate (HTTP 409).
 */
public non-sealed class ConflictException extends DomainException {

	public ConflictException(String detail) {
		this("conflict", detail, Map.of());
	}

	public ConflictException(String problemType, String detail) {
		this(problemType, detail, Map.of());
	}

	public ConflictException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

}
