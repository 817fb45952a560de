package care.parcours.scheduling.schedules;

import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * Partner isolation for schedules: a partner system reaches only the schedules of the
 * practitioners working for it; any other answers as a schedule that does not exist.
 */
@Component
public class ScheduleAccess {

	private final Schedules schedules;

	ScheduleAccess(Schedules schedules) {
		this.schedules = schedules;
	}

	/**
	 * @throws NotFoundException when the caller is a partner the practitioner does not
	 * work for
	 */
	public void requireVisible(UUID practitionerId) {
		Caller caller = Caller.current();
		if (caller.isPartner() && !caller.maySee(schedules.partnersOf(practitionerId))) {
			throw notFound(practitionerId);
		}
	}

	static NotFoundException notFound(UUID practitionerId) {
		return new NotFoundException("schedule-not-found", "No schedule for practitioner " + practitionerId
				+ " (yet: schedules open once partner-service has announced the practitioner).");
	}

}
