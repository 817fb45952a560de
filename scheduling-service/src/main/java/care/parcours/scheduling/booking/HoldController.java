package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Versioned;
import care.parcours.scheduling.availability.Mode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Holds",
		description = "Slots held for a patient while they decide; a lapsed hold frees its slot by itself.")
@RestController
@RequestMapping("/api/slots/holds")
class HoldController {

	private final BookingService service;

	private final BookingQueries queries;

	private final ShownBookings views;

	private final IdempotentRequests idempotency;

	HoldController(BookingService service, BookingQueries queries, ShownBookings views,
			IdempotentRequests idempotency) {
		this.service = service;
		this.queries = queries;
		this.views = views;
		this.idempotency = idempotency;
	}

	/**
	 * A hold for a patient; {@code holdMinutes} overrides the default hold duration;
	 * {@code pathwayId} and {@code stepId}, together, name the care pathway step it is
	 * for.
	 */
	record HoldForm(@NotNull UUID practitionerId, @NotNull UUID patientId, @NotNull Instant start,
			@NotBlank String appointmentType, @NotNull Mode mode, @Nullable @Min(1) @Max(1440) Integer holdMinutes,
			@Nullable UUID pathwayId, @Nullable UUID stepId) {

		BookingService.SlotRequest request() {
			return new BookingService.SlotRequest(practitionerId, patientId, start, appointmentType, mode);
		}

		@Nullable PathwayStep step() {
			return PathwayStep.requested(pathwayId, stepId).orElse(null);
		}

	}

	@Operation(summary = "Hold a slot",
			description = "Holds a free slot for the patient for holdMinutes (15 by default). pathwayId and stepId, both or neither, name the care pathway step it is for: the appointment it becomes keeps them and every event about it carries them. With an Idempotency-Key, a retried request holds once.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = BookingViews.BookingView.class)))
	@ETagged
	@PostMapping
	ResponseEntity<?> hold(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody HoldForm form) {
		PathwayStep step = form.step();
		return idempotency.run(key, "POST /api/slots/holds", form, () -> {
			BookingService.Placed placed = service.hold(form.request(), step,
					form.holdMinutes() == null ? null : Duration.ofMinutes(form.holdMinutes()));
			Booking hold = placed.booking();
			return Versioned.created(URI.create("/api/slots/holds/" + hold.id()), hold.version(), views.placed(placed));
		});
	}

	@Operation(summary = "Get a hold", description = "One hold, with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/{id}")
	ResponseEntity<BookingViews.BookingView> get(@PathVariable UUID id) {
		Booking booking = queries.get(id);
		return Versioned.ok(booking.version(), views.shown(booking));
	}

	@Operation(summary = "Confirm a hold",
			description = "The hold becomes the appointment, with the same id, time and care pathway step, on the version If-Match names.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = BookingViews.BookingView.class)))
	@PostMapping("/{id}/confirm")
	ResponseEntity<?> confirm(@PathVariable UUID id, ExpectedVersion expected,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key) {
		return idempotency.run(key, "POST /api/slots/holds/" + id + "/confirm", id.toString(), () -> {
			Booking appointment = service.confirm(id, expected);
			return Versioned.created(URI.create("/api/appointments/" + appointment.id()), appointment.version(),
					views.shown(appointment));
		});
	}

	@Operation(summary = "Release a hold",
			description = "Gives the hold up on the version If-Match names; the slot is free again.")
	@PostMapping("/{id}/release")
	ResponseEntity<BookingViews.BookingView> release(@PathVariable UUID id, ExpectedVersion expected) {
		Booking released = service.release(id, expected);
		return Versioned.ok(released.version(), views.shown(released));
	}

}
