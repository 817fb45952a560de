package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Appointments",
		description = "Booked appointments and their life: cancel, reschedule, check in, complete, no-show.")
@RestController
@RequestMapping("/api/appointments")
class AppointmentController {

	private final BookingService service;

	private final BookingQueries queries;

	private final ShownBookings views;

	private final TeleconsultationLinks links;

	private final IdempotentRequests idempotency;

	AppointmentController(BookingService service, BookingQueries queries, ShownBookings views,
			TeleconsultationLinks links, IdempotentRequests idempotency) {
		this.service = service;
		this.queries = queries;
		this.views = views;
		this.links = links;
		this.idempotency = idempotency;
	}

	/**
	 * An appointment for a patient; {@code pathwayId} and {@code stepId}, together, name
	 * the care pathway step it is for.
	 */
	record BookForm(@NotNull UUID practitionerId, @NotNull UUID patientId, @NotNull Instant start,
			@NotBlank String appointmentType, @NotNull Mode mode, @Nullable UUID pathwayId, @Nullable UUID stepId) {

		BookingService.SlotRequest request() {
			return new BookingService.SlotRequest(practitionerId, patientId, start, appointmentType, mode);
		}

		@Nullable PathwayStep step() {
			return PathwayStep.requested(pathwayId, stepId).orElse(null);
		}

	}

	record CancelForm(@NotNull CancelReason reason, @Nullable @Size(max = 1000) String note) {

	}

	record RescheduleForm(@NotNull Instant start) {

	}

	record JoinView(UUID appointmentId, UUID practitionerId, Instant start, Instant end, Instant linkExpiresAt) {

	}

	@Operation(summary = "Book an appointment",
			description = "Books a free slot directly. pathwayId and stepId, both or neither, name the care pathway step it is for: the appointment keeps them through its life and every event about it carries them. 409 slot-taken lists free slots nearby. With an Idempotency-Key, a retried request books once and gets the first answer.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = BookingViews.BookingView.class)))
	@ETagged
	@PostMapping
	ResponseEntity<?> book(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@Valid @RequestBody BookForm form) {
		PathwayStep step = form.step();
		return idempotency.run(key, "POST /api/appointments", form, () -> {
			BookingService.Placed placed = service.book(form.request(), step);
			Booking appointment = placed.booking();
			return Versioned.created(URI.create("/api/appointments/" + appointment.id()), appointment.version(),
					views.placed(placed));
		});
	}

	@Operation(summary = "Get an appointment",
			description = "One appointment, with the version to send back in If-Match as ETag, and the resources it takes. A partner token sees the appointments at its organisation and those holding one of its resources (an agency's interpreter), and only its own resources of them.")
	@ETagged
	@GetMapping("/{id}")
	ResponseEntity<BookingViews.BookingView> get(@PathVariable UUID id) {
		Booking appointment = queries.get(id);
		List<TakenResource> resources = views.resourcesOf(id);
		Caller caller = Caller.current();
		if (!BookingViews.maySee(caller, appointment, resources)) {
			throw new BookingNotFound(id);
		}
		return Versioned.ok(appointment.version(), views.shown(appointment, resources, caller));
	}

	@Operation(summary = "List appointments",
			description = "Appointments by practitioner, patient, partner, care pathway, status and start range (from and to within the years 1 to 9999), earliest first. partnerId narrows them to those at the partner or holding one of its resources; a partner token sees only those, and only its own resources of them.")
	@GetMapping
	Page<BookingViews.BookingView> list(@RequestParam(required = false) @Nullable UUID practitionerId,
			@RequestParam(required = false) @Nullable UUID patientId,
			@RequestParam(required = false) @Nullable UUID partnerId,
			@Parameter(description = "The care pathway whose steps they were booked for") @RequestParam(
					required = false) @Nullable UUID pathwayId,
			@RequestParam(required = false) @Nullable BookingStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			PageQuery page) {
		TimeRange within = from == null && to == null ? null : TimeRange.requested("from",
				from == null ? Instant.EPOCH : from, "to", to == null ? TimeRange.LATEST : to);
		Caller caller = Caller.current();
		return caller.listedPartner(partnerId).map((partner) -> {
			Page<Booking> found = queries.appointments(
					new AppointmentFilter(practitionerId, patientId, partner.id(), pathwayId, status, within), page);
			Map<UUID, List<TakenResource>> resources = views
				.resourcesOf(found.content().stream().map(Booking::id).toList());
			return found.map(booking -> views.shown(booking, resources.getOrDefault(booking.id(), List.of()), caller));
		}).orElseGet(() -> Page.of(List.of(), page, 0));
	}

	@Operation(summary = "Cancel an appointment",
			description = "Cancels on the version If-Match names, with a reason; the slot is free again.")
	@PostMapping("/{id}/cancel")
	ResponseEntity<BookingViews.BookingView> cancel(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody CancelForm form) {
		return view(service.cancel(id, form.reason(), form.note(), expected));
	}

	@Operation(summary = "Reschedule an appointment",
			description = "Moves the appointment to a new start on the version If-Match names, taking the new time and giving up the old at once.")
	@PostMapping("/{id}/reschedule")
	ResponseEntity<BookingViews.BookingView> reschedule(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody RescheduleForm form) {
		return view(service.reschedule(id, form.start(), expected));
	}

	@Operation(summary = "Record a no-show", description = "The patient did not come.")
	@PostMapping("/{id}/no-show")
	ResponseEntity<BookingViews.BookingView> noShow(@PathVariable UUID id, ExpectedVersion expected) {
		return view(service.markNoShow(id, expected));
	}

	@Operation(summary = "Check a patient in", description = "The patient has arrived.")
	@PostMapping("/{id}/check-in")
	ResponseEntity<BookingViews.BookingView> checkIn(@PathVariable UUID id, ExpectedVersion expected) {
		return view(service.checkIn(id, expected));
	}

	@Operation(summary = "Complete an appointment", description = "The appointment took place.")
	@PostMapping("/{id}/complete")
	ResponseEntity<BookingViews.BookingView> complete(@PathVariable UUID id, ExpectedVersion expected) {
		return view(service.complete(id, expected));
	}

	@Operation(summary = "Open a teleconsultation link",
			description = "What a teleconsultation's join link opens; anyone holding the link may call it. 410 once 30 minutes past the end.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410", description = "The link has expired.")
	@GetMapping("/join/{token}")
	JoinView join(@PathVariable String token) {
		Booking appointment = links.join(token);
		return new JoinView(appointment.id(), appointment.claim().practitionerId(), appointment.during().start(),
				appointment.during().end(), links.expiresAt(appointment));
	}

	private ResponseEntity<BookingViews.BookingView> view(Booking booking) {
		return Versioned.ok(booking.version(), views.shown(booking));
	}

}
