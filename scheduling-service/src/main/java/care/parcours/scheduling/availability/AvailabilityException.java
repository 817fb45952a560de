package care.parcours.scheduling.availability;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * A departure from the weekly rules: time off ({@code UNAVAILABLE}) or extra hours
 * ({@code EXTRA}).
 *
 * @param id the exception
 * @param kind unavailable or extra
 * @param reason why, as a code
 * @param during when
 * @param modes for extra hours, the modes offered
 * @param appointmentTypes for extra hours, the types bookable; null for all
 */
public record AvailabilityException(UUID id, Kind kind, Reason reason, TimeRange during, Set<Mode> modes,
		@Nullable Set<String> appointmentTypes) {

	public enum Kind {

		UNAVAILABLE, EXTRA

	}

	public enum Reason {

		LEAVE, PUBLIC_HOLIDAY, TRAINING, OTHER, EXTRA_HOURS,

		/** A room or a machine out of service; resources only. */
		MAINTENANCE

	}

	/**
	 * The longest exception a change may add: a year and a day. Longer leave is a change
	 * of the weekly rules' validity, not an exception.
	 */
	public static final Duration LONGEST = Duration.ofDays(366);

	public AvailabilityException {
		modes = Set.copyOf(modes);
		appointmentTypes = appointmentTypes == null ? null : Set.copyOf(appointmentTypes);
		if (kind == Kind.EXTRA && modes.isEmpty()) {
			throw InvalidRequestException.ofField("modes", "extra hours must name at least one mode");
		}
	}

	/**
	 * A resource's closure or extra opening: open, it takes any appointment, whatever its
	 * mode or type.
	 */
	public static AvailabilityException ofResource(UUID id, Kind kind, Reason reason, TimeRange during) {
		return new AvailabilityException(id, kind, reason, during,
				kind == Kind.EXTRA ? EnumSet.allOf(Mode.class) : Set.of(), null);
	}

	/**
	 * Refuses, as a new exception, one whose reason is not of its kind (a closure has no
	 * {@code EXTRA_HOURS}; an extra opening only {@code EXTRA_HOURS} or the neutral
	 * {@code OTHER}) or that lasts longer than {@link #LONGEST}. Those already kept are
	 * read as they are.
	 */
	void requireAddable() {
		boolean fits = kind == Kind.EXTRA ? reason == Reason.EXTRA_HOURS || reason == Reason.OTHER
				: reason != Reason.EXTRA_HOURS;
		if (!fits) {
			throw InvalidRequestException.ofField("reason", reason + " is not a reason for " + kind
					+ " (an extra opening is EXTRA_HOURS or OTHER, a closure anything but EXTRA_HOURS)");
		}
		if (during.length().compareTo(LONGEST) > 0) {
			throw InvalidRequestException.ofField("end", "must be at most " + LONGEST.toDays() + " days after start");
		}
	}

	OpenWindow asWindow() {
		return new OpenWindow(during, modes, appointmentTypes);
	}

}
