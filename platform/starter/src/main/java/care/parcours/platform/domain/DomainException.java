package care.parcours.platform.domain;

import java.util.Map;

/**
 * A refusal by the domain, turned into an RFC 9457 problem by the platform. The
 * subclasses say which kind of refusal (not found, conflict, rule violated, invalid);
 * concrete exceptions name the situation, as
 * {@code SlotAlreadyTaken extends ConflictException}.
 * <p>
 * The detail is shown to the client and logged: it must never contain personal data.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFoundException, ConflictException,
		RuleViolationException, InvalidRequestException, GoneException, ForbiddenException {

	/** How many characters of a value the client sent a detail quotes at most. */
	public static final int QUOTED_LENGTH = 40;

	private final String problemType;

	private final Map<String, Object> properties;

	protected DomainException(String problemType, String detail, Map<String, Object> properties) {
		super(detail);
		this.problemType = problemType;
		this.properties = Map.copyOf(properties);
	}

	/**
	 * A value the client sent, as a detail may quote it: in quotes and cut to its first
	 * {@value #QUOTED_LENGTH} characters, so that a megabyte sent is not a megabyte
	 * answered (nor logged).
	 */
	public static String quote(String sent) {
		int end = sent.offsetByCodePoints(0, Math.min(QUOTED_LENGTH, sent.codePointCount(0, sent.length())));
		return "'" + sent.substring(0, end) + (end < sent.length() ? "…'" : "'");
	}

	/** A short, stable slug naming the problem, such as {@code slot-taken}. */
	public String problemType() {
		return problemType;
	}

	/** Extra members of the problem document, such as the free slots nearby. */
	public Map<String, Object> properties() {
		return properties;
	}

}
