package care.parcours.scheduling.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

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
	 * The longest span a read may ask about (availability, free slots): a year and a day,
	 * so that no request has every exception of centuries read or their windows computed.
	 */
	public static final Duration LONGEST_ASKED = Duration.ofDays(366);

	/**
	 * The first and last instants a request may name: the years 1 to 9999 (the last is
	 * the instant 9999 ends), which the database keeps and to which a year may still be
	 * added.
	 */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	public static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

	/**
	 * A range a request asked for, refused under the request's own names for its ends
	 * ({@code from} and {@code to}, say) rather than ours, and when either end falls
	 * outside the years 1 to 9999.
	 */
	public static TimeRange requested(String startName, Instant start, String endName, Instant end) {
		kept(startName, start);
		kept(endName, end);
		if (!end.isAfter(start)) {
			throw InvalidRequestException.ofField(endName, "must be after " + startName);
		}
		return new TimeRange(start, end);
	}

	/**
	 * The span a read asks about, {@code from} and {@code to} as the request names them:
	 * a {@link #requested requested} range at most {@link #LONGEST_ASKED} long.
	 */
	public static TimeRange asked(Instant from, Instant to) {
		TimeRange range = requested("from", from, "to", to);
		if (range.length().compareTo(LONGEST_ASKED) > 0) {
			throw tooLong();
		}
		return range;
	}

	/**
	 * {@link #asked(Instant, Instant)} where either end may be left out: from
	 * {@code now}, for {@link #LONGEST_ASKED}.
	 */
	public static TimeRange asked(@Nullable Instant from, @Nullable Instant to, Instant now) {
		Instant start = kept("from", from == null ? now : from);
		return asked(start, to == null ? endOfUpcoming(start) : to);
	}

	/**
	 * The span a read shows when it names none: from {@code now} for
	 * {@link #LONGEST_ASKED}, the coming year.
	 */
	public static TimeRange upcoming(Instant now) {
		return new TimeRange(now, endOfUpcoming(now));
	}

	private static Instant endOfUpcoming(Instant start) {
		return earliest(start.plus(LONGEST_ASKED), LATEST);
	}

	/** The refusal of a span asked longer than {@link #LONGEST_ASKED}, naming its end. */
	public static InvalidRequestException tooLong() {
		return InvalidRequestException.ofField("to", "must be at most " + LONGEST_ASKED.toDays() + " days after from");
	}

	private static Instant earliest(Instant one, Instant other) {
		return one.isBefore(other) ? one : other;
	}

	private static Instant kept(String name, Instant instant) {
		if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
			throw InvalidRequestException.ofField(name, "must be within the years 1 to 9999");
		}
		return instant;
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
