package care.parcours.scheduling.availability;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * A kind of appointment a practitioner offers, such as a 30-minute consultation in person
 * or by video.
 *
 * @param code stable code, such as {@code consultation} or {@code pre-op}
 * @param duration the length of its slots
 * @param modes where it can take place
 * @param roles the resources it needs besides the practitioner, all booked together
 */
public record AppointmentType(String code, Duration duration, Set<Mode> modes, List<RequiredRole> roles) {

	/** The longest a role's buffers and the appointment may hold a resource. */
	static final Duration DAY = Duration.ofDays(1);

	public AppointmentType {
		modes = Set.copyOf(modes);
		roles = List.copyOf(roles);
		if (modes.isEmpty()) {
			throw InvalidRequestException.ofField("modes", "must name at least one mode");
		}
		if (duration.toMinutes() < 5 || duration.toMinutes() > 720) {
			throw InvalidRequestException.ofField("durationMinutes", "must be between 5 and 720");
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < roles.size(); i++) {
			RequiredRole role = roles.get(i);
			if (role.role().equals(RequiredRole.PRACTITIONER) || !names.add(role.role())) {
				throw InvalidRequestException.ofField("roles[" + i + "].role",
						"is the practitioner's own or another role's name");
			}
			if (duration.plus(role.bufferBefore()).plus(role.bufferAfter()).compareTo(DAY) > 0) {
				throw InvalidRequestException.ofField("roles[" + i + "].bufferAfterMinutes",
						"buffers and the appointment together last longer than a day");
			}
		}
	}

	/** A type that needs the practitioner alone. */
	public AppointmentType(String code, Duration duration, Set<Mode> modes) {
		this(code, duration, modes, List.of());
	}

	public boolean offers(Mode mode) {
		return modes.contains(mode);
	}

}
