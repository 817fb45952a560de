package care.parcours.patient.templates;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A span of time before or after the anchor, or a tolerance, in whole days and hours as
 * ISO-8601 writes them ({@code -P1D}, {@code P7D}, {@code PT12H}). Written back the way a
 * coordinator reads it: {@code P7D} stays {@code P7D}, not {@code PT168H}. Days are 24
 * hours: due dates are instants in UTC.
 *
 * @param duration the span, negative before the anchor
 */
public record TimeOffset(Duration duration) implements Comparable<TimeOffset> {

	public static final TimeOffset ZERO = new TimeOffset(Duration.ZERO);

	/**
	 * @throws InvalidRequestException naming {@code field} when the text is not an
	 * ISO-8601 duration in days, hours, minutes or seconds
	 */
	public static TimeOffset parse(String field, String text) {
		try {
			return new TimeOffset(Duration.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.ofField(field,
					"must be an ISO-8601 duration in days and hours, such as -P1D, P7D or PT12H");
		}
	}

	public boolean isNegative() {
		return duration.isNegative();
	}

	@Override
	public int compareTo(TimeOffset other) {
		return duration.compareTo(other.duration);
	}

	@Override
	public String toString() {
		if (duration.isZero()) {
			return "P0D";
		}
		Duration size = duration.abs();
		StringBuilder text = new StringBuilder(duration.isNegative() ? "-P" : "P");
		if (size.toDays() > 0) {
			text.append(size.toDays()).append('D');
		}
		Duration rest = size.minusDays(size.toDays());
		if (!rest.isZero()) {
			text.append('T');
			append(text, rest.toHoursPart(), 'H');
			append(text, rest.toMinutesPart(), 'M');
			if (rest.toSecondsPart() > 0 || rest.toNanosPart() > 0) {
				text.append(rest.minusHours(rest.toHours()).minusMinutes(rest.toMinutesPart()).toString().substring(2));
			}
		}
		return text.toString();
	}

	private static void append(StringBuilder text, long amount, char unit) {
		if (amount > 0) {
			text.append(amount).append(unit);
		}
	}

}
