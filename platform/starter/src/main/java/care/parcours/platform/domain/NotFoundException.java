package care.parcours.platform.domain;

import java.util.Map;

/**
 * The resource does not exist (HTTP 404). Also what a client gets for a resource it may
 * not see, so that ids cannot be probed.
 */
public non-sealed class NotFoundException extends DomainException {

	public NotFoundException(String detail) {
		this("not-found", detail, Map.of());
	}

	public NotFoundException(String problemType, String detail) {
		this(problemType, detail, Map.of());
	}

	public NotFoundException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

}
