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

	private static final Duration DAY = Duration.ofDays(1);

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
		if (!duration.isZero() && duration.toNanos() % DAY.toNanos() == 0) {
			long days = duration.toDays();
			return (days < 0 ? "-P" : "P") + Math.abs(days) + "D";
		}
		if (duration.isZero()) {
			return "P0D";
		}
		return duration.toString();
	}

}
