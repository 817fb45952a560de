package care.parcours.scheduling.waitlist;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.PathwayStep;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Waiting list",
		description = "Patients waiting for a slot; the first eligible waiter gets a hold when a matching slot frees.")
@RestController
@RequestMapping("/api/waitlist")
class WaitlistController {

	private final WaitlistService service;

	WaitlistController(WaitlistService service) {
		this.service = service;
	}

	/**
	 * Wait for a practitioner, or for a specialty (optionally at a partner, in a
	 * language); {@code pathwayId} and {@code stepId}, together, name the care pathway
	 * step the appointment is for.
	 */
	record JoinForm(@NotNull UUID patientId, @Nullable UUID practitionerId, @Nullable String specialty,
			@Nullable UUID partnerId, @Nullable @LanguageCode String language, @NotBlank String appointmentType,
			@Nullable Mode mode, @NotNull Instant from, @NotNull Instant to, @Nullable UUID pathwayId,
			@Nullable UUID stepId) {

		WaitlistService.JoinRequest toRequest() {
			return new WaitlistService.JoinRequest(patientId, practitionerId, specialty, partnerId, language,
					appointmentType, mode, TimeRange.requested("from", from, "to", to),
					PathwayStep.requested(pathwayId, stepId).orElse(null));
		}

	}

	record EntryView(UUID id, UUID patientId, @Nullable UUID practitionerId, @Nullable String specialty,
			@Nullable UUID partnerId, @Nullable String language, String appointmentType, @Nullable Mode mode,
			Instant from, Instant to, @Nullable UUID pathwayId, @Nullable UUID stepId, WaitlistEntry.Status status,
			@Nullable UUID holdId, int lapsedOffers, Instant joinedAt) {

		static EntryView of(WaitlistEntry e) {
			return new EntryView(e.id(), e.patientId(), e.practitionerId(), e.specialty(), e.partnerId(), e.language(),
					e.appointmentType(), e.mode(), e.wanted().start(), e.wanted().end(),
					PathwayStep.pathwayOf(e.step()), PathwayStep.stepOf(e.step()), e.status(), e.holdId(),
					e.lapsedOffers(), e.createdAt());
		}

	}

	@Operation(summary = "Join the waiting list",
			description = "The patient waits for a practitioner, or a specialty, within a window (from before to, within the years 1 to 9999); pathwayId and stepId, both or neither, name the care pathway step it is for, and the hold offered keeps them.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<EntryView> join(@Valid @RequestBody JoinForm form) {
		WaitlistEntry entry = service.join(form.toRequest());
		return ResponseEntity.created(URI.create("/api/waitlist/" + entry.id())).body(EntryView.of(entry));
	}

	@Operation(summary = "Get a waiting-list entry", description = "One entry with its offers.")
	@GetMapping("/{id}")
	EntryView get(@PathVariable UUID id) {
		return EntryView.of(service.get(id));
	}

	@Operation(summary = "List waiting-list entries",
			description = "Entries by patient, practitioner and status, oldest first.")
	@GetMapping
	Page<EntryView> list(@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable UUID practitionerId,
			@RequestParam(required = false) WaitlistEntry.@Nullable Status status, PageQuery page) {
		return service.list(patientId, practitionerId, status, page).map(EntryView::of);
	}

	@Operation(summary = "Leave the waiting list",
			description = "The patient stops waiting; answers the withdrawn entry.")
	@DeleteMapping("/{id}")
	EntryView withdraw(@PathVariable UUID id) {
		return EntryView.of(service.withdraw(id));
	}

}
