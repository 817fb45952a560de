package care.parcours.platform.domain;

import java.util.Map;

/**
 * The resource existed but is no longer available, such as an expired link (HTTP 410).
 */
public non-sealed class GoneException extends DomainException {

	public GoneException(String problemType, String detail) {
		super(problemType, detail, Map.of());
	}

	/**
	 * @param properties extra members of the problem, such as when the resource went
	 */
	public GoneException(String problemType, String detail, Map<String, Object> properties) {
		super(problemType, detail, properties);
	}

}
