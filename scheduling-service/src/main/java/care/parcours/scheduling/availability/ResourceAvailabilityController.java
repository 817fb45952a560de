package care.parcours.scheduling.availability;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Resource availability",
		description = "Opening hours and exceptions of a room, a machine or an interpreter, in the resource's zone. Without weekly rules a resource is open at any time but its closures.")
@RestController
@RequestMapping("/api/schedules/resources/{resourceId}")
class ResourceAvailabilityController {

	private final ResourceAvailabilityService service;

	ResourceAvailabilityController(ResourceAvailabilityService service) {
		this.service = service;
	}

	/** Open every {@code day} from {@code start} to {@code end}, local time. */
	record HoursForm(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end,
			@NotNull LocalDate validFrom, @Nullable LocalDate validUntil) {

		WeeklyRule toRule() {
			return WeeklyRule.opening(UUID.randomUUID(), day, start, end, validFrom, validUntil);
		}

		static HoursForm of(WeeklyRule rule) {
			return new HoursForm(rule.day(), rule.start(), rule.end(), rule.validFrom(), rule.validUntil());
		}

	}

	/**
	 * @param timeZone the zone the rules are written in, when the caller says: it must be
	 * the resource's
	 */
	record ResourceAvailabilityForm(@Nullable String timeZone,
			@NotNull @Size(max = 200) List<@Valid @NotNull HoursForm> weeklyRules) {

	}

	/**
	 * A closure ({@code UNAVAILABLE}: maintenance, leave, a public holiday) or an extra
	 * opening ({@code EXTRA}); start and end are local date-times of the resource's zone.
	 */
	record ResourceExceptionForm(@NotNull AvailabilityException.Kind kind, @NotNull AvailabilityException.Reason reason,
			@NotNull LocalDateTime start, @NotNull LocalDateTime end) {

		AvailabilityException toException(ZoneId zone) {
			return AvailabilityException.ofResource(UUID.randomUUID(), kind, reason,
					TimeRange.requested("start", start.atZone(zone).toInstant(), "end", end.atZone(zone).toInstant()));
		}

	}

	record ResourceAvailabilityView(UUID resourceId, String timeZone, long version, List<HoursForm> weeklyRules,
			List<ResourceExceptionView> exceptions) {

		static ResourceAvailabilityView of(ResourceHours hours) {
			return new ResourceAvailabilityView(hours.resourceId(), hours.zone().getId(), hours.version(),
					hours.rules()
						.stream()
						.sorted(Comparator.comparing(WeeklyRule::day).thenComparing(WeeklyRule::start))
						.map(HoursForm::of)
						.toList(),
					hours.exceptions()
						.stream()
						.sorted(Comparator.comparing(e -> e.during().start()))
						.map(e -> ResourceExceptionView.of(e, hours.zone()))
						.toList());
		}

	}

	record ResourceExceptionView(UUID id, AvailabilityException.Kind kind, AvailabilityException.Reason reason,
			Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd) {

		static ResourceExceptionView of(AvailabilityException e, ZoneId zone) {
			return new ResourceExceptionView(e.id(), e.kind(), e.reason(), e.during().start(), e.during().end(),
					LocalDateTime.ofInstant(e.during().start(), zone), LocalDateTime.ofInstant(e.during().end(), zone));
		}

	}

	@Operation(summary = "Get a resource's opening hours",
			description = "Weekly opening hours and exceptions (from to to, when given, by default the coming year; to at most 366 days after from, both within the years 1 to 9999), with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/availability")
	ResponseEntity<ResourceAvailabilityView> get(@PathVariable UUID resourceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		ResourceHours hours = service.get(resourceId, from, to);
		return Versioned.ok(hours.version(), ResourceAvailabilityView.of(hours));
	}

	@Operation(summary = "Replace a resource's opening hours",
			description = "Replaces the weekly opening hours on the version If-Match names; rules must not overlap. An empty list leaves the resource open at any time but its closures. Appointments already booked are kept.")
	@PutMapping("/availability")
	ResponseEntity<ResourceAvailabilityView> replace(@PathVariable UUID resourceId, ExpectedVersion expected,
			@Valid @RequestBody ResourceAvailabilityForm form) {
		ResourceHours hours = service.replace(resourceId, form.timeZone(),
				form.weeklyRules().stream().map(HoursForm::toRule).toList(), expected);
		return Versioned.ok(hours.version(), ResourceAvailabilityView.of(hours));
	}

	@Operation(summary = "Add an exception to a resource's hours",
			description = "A closure (UNAVAILABLE: MAINTENANCE, LEAVE, PUBLIC_HOLIDAY, TRAINING, OTHER) or an extra opening (EXTRA: EXTRA_HOURS, OTHER), from a local start to a local end at most 366 days later, within the years 1 to 9999.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/exceptions")
	ResponseEntity<ResourceAvailabilityView> except(@PathVariable UUID resourceId,
			@Valid @RequestBody ResourceExceptionForm form) {
		AvailabilityException exception = form.toException(service.zoneOf(resourceId));
		ResourceHours hours = service.except(resourceId, exception);
		// Where the new exception lives: the address that withdraws it.
		return ResponseEntity
			.created(URI.create("/api/schedules/resources/" + resourceId + "/exceptions/" + exception.id()))
			.body(ResourceAvailabilityView.of(hours));
	}

	@Operation(summary = "Withdraw an exception from a resource's hours",
			description = "The exception no longer applies.")
	@DeleteMapping("/exceptions/{exceptionId}")
	ResourceAvailabilityView withdraw(@PathVariable UUID resourceId, @PathVariable UUID exceptionId) {
		return ResourceAvailabilityView.of(service.withdraw(resourceId, exceptionId));
	}

}
