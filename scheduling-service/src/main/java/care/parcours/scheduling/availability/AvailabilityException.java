package care.parcours.scheduling.availability;

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

		LEAVE, PUBLIC_HOLIDAY, TRAINING, OTHER, EXTRA_HOURS

	}

	public AvailabilityException {
		modes = Set.copyOf(modes);
		appointmentTypes = appointmentTypes == null ? null : Set.copyOf(appointmentTypes);
		if (kind == Kind.EXTRA && modes.isEmpty()) {
			throw InvalidRequestException.ofField("modes", "extra hours must name at least one mode");
		}
	}

	OpenWindow asWindow() {
		return new OpenWindow(during, modes, appointmentTypes);
	}

}
