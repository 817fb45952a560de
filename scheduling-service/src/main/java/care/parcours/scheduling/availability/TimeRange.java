package care.parcours.scheduling.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A half-open span of time {@code [start, end)}: two ranges that merely touch do not
 * overlap.
 *
 * @param start the first instant in the range
 * @param end the first instant after it
 */
public record TimeRange(Instant start, Instant end) {

	public TimeRange {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw InvalidRequestException.ofField("end", "must be after the start");
		}
	}

	/**
	 * A range a request asked for, refused under the request's own names for its ends
	 * ({@code from} and {@code to}, say) rather than ours.
	 */
	public static TimeRange requested(String startName, Instant start, String endName, Instant end) {
		if (!end.isAfter(start)) {
			throw InvalidRequestException.ofField(endName, "must be after " + startName);
		}
		return new TimeRange(start, end);
	}

	public static TimeRange of(Instant start, Duration length) {
		return new TimeRange(start, start.plus(length));
	}

	public Duration length() {
		return Duration.between(start, end);
	}

	public boolean overlaps(TimeRange other) {
		return start.isBefore(other.end) && other.start.isBefore(end);
	}

	public boolean contains(TimeRange other) {
		return !other.start.isBefore(start) && !other.end.isAfter(end);
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(start) && instant.isBefore(end);
	}

	public TimeRange shiftedTo(Instant newStart) {
		return of(newStart, length());
	}

}
