package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.scheduling.availability.Mode;
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

@RestController
@RequestMapping("/api/slots/holds")
class HoldController {

	private final BookingService service;

	private final BookingQueries queries;

	private final TeleconsultationLinks links;

	private final IdempotentRequests idempotency;

	HoldController(BookingService service, BookingQueries queries, TeleconsultationLinks links,
			IdempotentRequests idempotency) {
		this.service = service;
		this.queries = queries;
		this.links = links;
		this.idempotency = idempotency;
	}

	/** A hold for a patient; {@code holdMinutes} overrides the default hold duration. */
	record HoldForm(@NotNull UUID practitionerId, @NotNull UUID patientId, @NotNull Instant start,
			@NotBlank String appointmentType, @NotNull Mode mode, @Nullable @Min(1) @Max(1440) Integer holdMinutes) {

		BookingService.SlotRequest request() {
			return new BookingService.SlotRequest(practitionerId, patientId, start, appointmentType, mode);
		}

	}

	@PostMapping
	ResponseEntity<?> hold(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody HoldForm form) {
		return idempotency.run(key, "POST /api/slots/holds", form, () -> {
			Booking hold = service.hold(form.request(),
					form.holdMinutes() == null ? null : Duration.ofMinutes(form.holdMinutes()));
			return ResponseEntity.created(URI.create("/api/slots/holds/" + hold.id()))
				.eTag(Long.toString(hold.version()))
				.body(BookingViews.of(hold, links));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<BookingViews.BookingView> get(@PathVariable UUID id) {
		Booking booking = queries.get(id);
		return ResponseEntity.ok().eTag(Long.toString(booking.version())).body(BookingViews.of(booking, links));
	}

	@PostMapping("/{id}/confirm")
	ResponseEntity<?> confirm(@PathVariable UUID id, ExpectedVersion expected,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key) {
		return idempotency.run(key, "POST /api/slots/holds/" + id + "/confirm", id.toString(), () -> {
			Booking appointment = service.confirm(id, expected);
			return ResponseEntity.created(URI.create("/api/appointments/" + appointment.id()))
				.eTag(Long.toString(appointment.version()))
				.body(BookingViews.of(appointment, links));
		});
	}

	@PostMapping("/{id}/release")
	ResponseEntity<BookingViews.BookingView> release(@PathVariable UUID id, ExpectedVersion expected) {
		Booking released = service.release(id, expected);
		return ResponseEntity.ok().eTag(Long.toString(released.version())).body(BookingViews.of(released, links));
	}

}
