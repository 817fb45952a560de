package care.parcours.platform.domain;

import java.util.Map;

/**
 * The caller is allowed the endpoint but a rule about this resource refuses it to them,
 * such as a partner reading a patient who has not consented to share with it (HTTP 403).
 * The problem names what is missing, so that the caller knows what would allow it.
 */
public non-sealed class ForbiddenException extends DomainException {

	public ForbiddenException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

}
