package care.parcours.scheduling.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScheduleController {

	private final Schedules schedules;

	private final ScheduleAccess access;

	ScheduleController(Schedules schedules, ScheduleAccess access) {
		this.schedules = schedules;
		this.access = access;
	}

	record ScheduleView(UUID practitionerId, UUID partnerId, String timeZone, List<String> specialties,
			List<String> languages, Instant openedAt) {

	}

	@GetMapping("/api/schedules/{practitionerId}")
	ScheduleView get(@PathVariable UUID practitionerId) {
		access.requireVisible(practitionerId);
		Schedule schedule = schedules.find(practitionerId).orElseThrow(() -> ScheduleAccess.notFound(practitionerId));
		return new ScheduleView(schedule.practitionerId(), schedule.partnerId(), schedule.timeZone().getId(),
				schedule.specialties(), schedule.languages(), schedule.openedAt());
	}

}
