package care.parcours.platform.domain;

import java.util.Map;

/**
 * The request is well formed but a domain rule refuses it (HTTP 422).
 */
public non-sealed class RuleViolationException extends DomainException {

	public RuleViolationException(String detail) {
		this("rule-violation", detail, Map.of());
	}

	public RuleViolationException(String problemType, String detail) {
		this(problemType, detail, Map.of());
	}

	public RuleViolationException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

}
