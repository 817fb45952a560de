package care.parcours.scheduling.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Schedules",
		description = "Practitioners' schedules, opened when partner-service registers a practitioner.")
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

	@Operation(summary = "Get a schedule",
			description = "The practitioner's schedule: time zone, partner, specialties and languages.")
	@GetMapping("/api/schedules/{practitionerId}")
	ScheduleView get(@PathVariable UUID practitionerId) {
		access.requireVisible(practitionerId);
		Schedule schedule = schedules.find(practitionerId).orElseThrow(() -> ScheduleAccess.notFound(practitionerId));
		return new ScheduleView(schedule.practitionerId(), schedule.partnerId(), schedule.timeZone().getId(),
				schedule.specialties(), schedule.languages(), schedule.openedAt());
	}

}
