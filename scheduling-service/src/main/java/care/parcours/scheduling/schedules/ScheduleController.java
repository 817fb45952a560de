package care.parcours.scheduling.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScheduleController {

	private final Schedules schedules;

	ScheduleController(Schedules schedules) {
		this.schedules = schedules;
	}

	record ScheduleView(UUID practitionerId, UUID partnerId, String timeZone, List<String> specialties,
			List<String> languages, Instant openedAt) {

	}

	@GetMapping("/api/schedules/{practitionerId}")
	ScheduleView get(@PathVariable UUID practitionerId) {
		Schedule schedule = schedules.find(practitionerId)
			.orElseThrow(
					() -> new NotFoundException("schedule-not-found", "No schedule for practitioner " + practitionerId
							+ " (yet: schedules open once partner-service" + " has announced the practitioner)."));
		return new ScheduleView(schedule.practitionerId(), schedule.partnerId(), schedule.timeZone().getId(),
				schedule.specialties(), schedule.languages(), schedule.openedAt());
	}

}
