package care.parcours.scheduling.availability;

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

	OpenWindow asWindow() {
		return new OpenWindow(during, modes, appointmentTypes);
	}

}
