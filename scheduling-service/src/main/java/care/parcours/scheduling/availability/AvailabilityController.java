package care.parcours.scheduling.availability;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.web.Versioned;
import care.parcours.scheduling.schedules.ScheduleAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

@Tag(name = "Availability",
		description = "A practitioner's appointment types, weekly rules and exceptions, in the practitioner's zone.")
@RestController
@RequestMapping("/api/schedules/{practitionerId}")
class AvailabilityController {

	private final AvailabilityService service;

	private final ScheduleAccess access;

	AvailabilityController(AvailabilityService service, ScheduleAccess access) {
		this.access = access;
		this.service = service;
	}

	record TypeForm(@NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$") String code,
			@NotNull @Min(5) @Max(720) Integer durationMinutes, @NotEmpty Set<@NotNull Mode> modes,
			@Nullable @Size(max = 6) List<@Valid @NotNull RoleForm> roles) {

		AppointmentType toType() {
			return new AppointmentType(code, Duration.ofMinutes(durationMinutes), modes,
					roles == null ? List.of() : roles.stream().map(RoleForm::toRole).toList());
		}

	}

	/**
	 * A resource the type needs besides the practitioner: the one named, or any free one
	 * of the kind at the practitioner's partner. Of kind {@code PRACTITIONER}, another
	 * practitioner of the partner (an anaesthetist): the one named, or any of the
	 * specialty.
	 */
	record RoleForm(@NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{0,39}$") String role,
			@NotNull @Pattern(regexp = "^[A-Z][A-Z_]{0,39}$") String kind, @Nullable UUID resourceId,
			@Nullable @LanguageCode String language,
			@Nullable @Pattern(regexp = "^[a-z][a-z-]{0,39}$") String specialty,
			@Nullable @Min(0) @Max(720) Integer bufferBeforeMinutes,
			@Nullable @Min(0) @Max(720) Integer bufferAfterMinutes) {

		RequiredRole toRole() {
			return new RequiredRole(role, kind, resourceId, language, specialty, minutes(bufferBeforeMinutes),
					minutes(bufferAfterMinutes));
		}

		static RoleForm of(RequiredRole role) {
			return new RoleForm(role.role(), role.kind(), role.resourceId(), role.language(), role.specialty(),
					(int) role.bufferBefore().toMinutes(), (int) role.bufferAfter().toMinutes());
		}

		private static Duration minutes(@Nullable Integer minutes) {
			return Duration.ofMinutes(minutes == null ? 0 : minutes);
		}

	}

	record RuleForm(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end,
			@NotEmpty Set<@NotNull Mode> modes, @Nullable Set<@NotNull String> appointmentTypes,
			@NotNull LocalDate validFrom, @Nullable LocalDate validUntil) {

		WeeklyRule toRule() {
			return new WeeklyRule(UUID.randomUUID(), day, start, end, modes, appointmentTypes, validFrom, validUntil);
		}

	}

	record AvailabilityForm(@NotNull @Size(max = 50) List<@Valid @NotNull TypeForm> appointmentTypes,
			@NotNull @Size(max = 200) List<@Valid @NotNull RuleForm> weeklyRules) {

	}

	/** Start and end are local date-times of the practitioner's zone. */
	record ExceptionForm(@NotNull AvailabilityException.Kind kind, @NotNull AvailabilityException.Reason reason,
			@NotNull LocalDateTime start, @NotNull LocalDateTime end, @Nullable Set<@NotNull Mode> modes,
			@Nullable Set<@NotNull String> appointmentTypes) {

		AvailabilityException toException(ZoneId zone) {
			return new AvailabilityException(UUID.randomUUID(), kind, reason,
					TimeRange.requested("start", start.atZone(zone).toInstant(), "end", end.atZone(zone).toInstant()),
					modes == null ? Set.of() : modes, appointmentTypes);
		}

	}

	record AvailabilityView(UUID practitionerId, String timeZone, long version, List<TypeView> appointmentTypes,
			List<RuleForm> weeklyRules, List<ExceptionView> exceptions,
			List<AppointmentView> appointmentsOutsideAvailability) {

		static AvailabilityView of(WeeklyAvailability availability, List<BookedAppointment> outside) {
			ZoneId zone = availability.zone();
			return new AvailabilityView(availability.practitionerId(), zone.getId(), availability.version(),
					availability.types()
						.values()
						.stream()
						.sorted(java.util.Comparator.comparing(AppointmentType::code))
						.map(t -> new TypeView(t.code(), t.duration().toMinutes(), t.modes(),
								t.roles().stream().map(RoleForm::of).toList()))
						.toList(),
					availability.rules()
						.stream()
						.sorted(java.util.Comparator.comparing(WeeklyRule::day).thenComparing(WeeklyRule::start))
						.map(r -> new RuleForm(r.day(), r.start(), r.end(), r.modes(), r.appointmentTypes(),
								r.validFrom(), r.validUntil()))
						.toList(),
					availability.exceptions()
						.stream()
						.sorted(java.util.Comparator.comparing(e -> e.during().start()))
						.map(e -> ExceptionView.of(e, zone))
						.toList(),
					outside.stream().map(a -> AppointmentView.of(a, zone)).toList());
		}

	}

	record TypeView(String code, long durationMinutes, Set<Mode> modes, List<RoleForm> roles) {

	}

	record ExceptionView(UUID id, AvailabilityException.Kind kind, AvailabilityException.Reason reason, Instant start,
			Instant end, LocalDateTime localStart, LocalDateTime localEnd, Set<Mode> modes,
			@Nullable Set<String> appointmentTypes) {

		static ExceptionView of(AvailabilityException e, ZoneId zone) {
			return new ExceptionView(e.id(), e.kind(), e.reason(), e.during().start(), e.during().end(),
					LocalDateTime.ofInstant(e.during().start(), zone), LocalDateTime.ofInstant(e.during().end(), zone),
					e.modes(), e.appointmentTypes());
		}

	}

	record AppointmentView(UUID appointmentId, Instant start, Instant end, LocalDateTime localStart,
			String appointmentType, Mode mode) {

		static AppointmentView of(BookedAppointment a, ZoneId zone) {
			return new AppointmentView(a.id(), a.during().start(), a.during().end(),
					LocalDateTime.ofInstant(a.during().start(), zone), a.appointmentType(), a.mode());
		}

	}

	@Operation(summary = "Get availability",
			description = "Appointment types, weekly rules and exceptions (from to to, when given, by default the coming year; to at most 366 days after from, both within the years 1 to 9999), with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/availability")
	ResponseEntity<AvailabilityView> get(@PathVariable UUID practitionerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		access.requireVisible(practitionerId);
		WeeklyAvailability availability = service.get(practitionerId, from, to);
		return Versioned.ok(availability.version(), AvailabilityView.of(availability, List.of()));
	}

	@Operation(summary = "Replace availability",
			description = "Replaces the appointment types and weekly rules on the version If-Match names; booked appointments are never dropped, those now outside are listed.")
	@PutMapping("/availability")
	ResponseEntity<AvailabilityView> replace(@PathVariable UUID practitionerId, ExpectedVersion expected,
			@Valid @RequestBody AvailabilityForm form) {
		access.requireVisible(practitionerId);
		AvailabilityService.Changed changed = service.replace(practitionerId,
				form.appointmentTypes().stream().map(TypeForm::toType).toList(),
				form.weeklyRules().stream().map(RuleForm::toRule).toList(), expected);
		return Versioned.ok(changed.availability().version(),
				AvailabilityView.of(changed.availability(), changed.outside()));
	}

	@Operation(summary = "Add an exception",
			description = "Time off (UNAVAILABLE: LEAVE, PUBLIC_HOLIDAY, TRAINING, OTHER) or extra hours (EXTRA: EXTRA_HOURS, OTHER), from a local start to a local end at most 366 days later, within the years 1 to 9999.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/exceptions")
	ResponseEntity<AvailabilityView> except(@PathVariable UUID practitionerId, @Valid @RequestBody ExceptionForm form) {
		access.requireVisible(practitionerId);
		AvailabilityException exception = form.toException(service.zoneOf(practitionerId));
		AvailabilityService.Changed changed = service.except(practitionerId, exception);
		// Where the new exception lives: the address that withdraws it.
		return ResponseEntity.created(URI.create("/api/schedules/" + practitionerId + "/exceptions/" + exception.id()))
			.body(AvailabilityView.of(changed.availability(), changed.outside()));
	}

	@Operation(summary = "Withdraw an exception", description = "The exception no longer applies.")
	@DeleteMapping("/exceptions/{exceptionId}")
	AvailabilityView withdraw(@PathVariable UUID practitionerId, @PathVariable UUID exceptionId) {
		access.requireVisible(practitionerId);
		AvailabilityService.Changed changed = service.withdraw(practitionerId, exceptionId);
		return AvailabilityView.of(changed.availability(), changed.outside());
	}

}
