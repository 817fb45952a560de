package care.parcours.scheduling.resources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Resource schedules",
		description = "Schedules of rooms, equipment and interpreters, opened when partner-service registers them.")
@RestController
class ResourceScheduleController {

	private final ResourceCopies resources;

	ResourceScheduleController(ResourceCopies resources) {
		this.resources = resources;
	}

	record ResourceScheduleView(UUID resourceId, UUID partnerId, String kind, String timeZone, List<String> specialties,
			List<String> languages, boolean retired, Instant knownSince) {

	}

	@Operation(summary = "Get a resource's schedule",
			description = "What this service knows of a room, a piece of equipment or an interpreter: kind, partner, zone, specialties and languages.")
	@GetMapping("/api/schedules/resources/{resourceId}")
	ResourceScheduleView get(@PathVariable UUID resourceId) {
		ResourceCopy resource = resources.find(resourceId)
			.filter(found -> Caller.current().maySee(found.partnerId()))
			.orElseThrow(() -> new NotFoundException("resource-schedule-not-found", "No schedule for resource "
					+ resourceId + " (yet: schedules open once partner-service has announced the resource)."));
		return new ResourceScheduleView(resource.id(), resource.partnerId(), resource.kind(),
				resource.timeZone().getId(), resource.specialties(), resource.languages(), resource.retired(),
				resource.knownSince());
	}

}
