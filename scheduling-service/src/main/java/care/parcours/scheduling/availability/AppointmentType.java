package care.parcours.scheduling.availability;

import java.time.Duration;
import java.util.Set;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A kind of appointment a practitioner offers, such as a 30-minute consultation in person
 * or by video.
 *
 * @param code stable code, such as {@code consultation} or {@code pre-op}
 * @param duration the length of its slots
 * @param modes where it can take place
 */
public record AppointmentType(String code, Duration duration, Set<Mode> modes) {

	public AppointmentType {
		modes = Set.copyOf(modes);
		if (modes.isEmpty()) {
			throw InvalidRequestException.ofField("modes", "must name at least one mode");
		}
		if (duration.toMinutes() < 5 || duration.toMinutes() > 720) {
			throw InvalidRequestException.ofField("durationMinutes", "must be between 5 and 720");
		}
	}

	public boolean offers(Mode mode) {
		return modes.contains(mode);
	}

}
