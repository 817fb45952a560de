package care.parcours.patient.identity;

/**
 * A value refused by its own rules. The message says what is wrong without repeating the
 * value: it ends up in problem details and logs, where personal data never goes.
 */
public final class InvalidField extends IllegalArgumentException {

	private final String field;

	/**
	 * @param field the field refused, relative to the value that refused it; empty for
	 * the value itself
	 * @param message what is wrong, never the value
	 */
	public InvalidField(String field, String message) {
		super(message);
		this.field = field;
	}

	/** A refusal of the value itself. */
	public static InvalidField of(String message) {
		return new InvalidField("", message);
	}

	/** The path of the refused field, such as {@code identifiers[0].value}. */
	public String field() {
		return field;
	}

	/** The same refusal, its field placed under {@code parent}. */
	public InvalidField within(String parent) {
		InvalidField moved = new InvalidField(field.isEmpty() ? parent : parent + "." + field, getMessage());
		moved.setStackTrace(getStackTrace());
		return moved;
	}

}
