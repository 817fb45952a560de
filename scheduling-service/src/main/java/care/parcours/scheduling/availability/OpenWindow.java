package care.parcours.scheduling.availability;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A span of time a practitioner is open for appointments.
 *
 * @param during when
 * @param modes the modes offered
 * @param appointmentTypes the types bookable; null for all
 */
public record OpenWindow(TimeRange during, Set<Mode> modes, @Nullable Set<String> appointmentTypes) {

	public boolean offers(AppointmentType type, Mode mode) {
		return modes.contains(mode) && type.offers(mode)
				&& (appointmentTypes == null || appointmentTypes.contains(type.code()));
	}

	public boolean offers(AppointmentType type) {
		return (appointmentTypes == null || appointmentTypes.contains(type.code()))
				&& modes.stream().anyMatch(type::offers);
	}

	OpenWindow during(TimeRange other) {
		return new OpenWindow(other, modes, appointmentTypes);
	}

}
