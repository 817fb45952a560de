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
