package care.parcours.scheduling.chains;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.web.Versioned;
import care.parcours.scheduling.booking.Booking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Appointment chains",
		description = "One patient's appointments linked by rules, and rescheduling them together.")
@RestController
class ChainController {

	private final ChainService chains;

	ChainController(ChainService chains) {
		this.chains = chains;
	}

	/**
	 * {@code to} starts {@code offset} (an ISO-8601 duration such as {@code -P1D}) after
	 * {@code from}, give or take {@code tolerance} (such as {@code PT12H}).
	 */
	@Schema(name = "ChainRuleForm")
	record RuleForm(@NotNull UUID from, @NotNull UUID to, @NotNull Duration offset, @NotNull Duration tolerance) {

	}

	record ChainForm(@Nullable UUID pathwayId, @NotEmpty @Size(max = 30) List<@Valid @NotNull RuleForm> rules) {

	}

	record StepView(UUID appointmentId, UUID practitionerId, String appointmentType, Instant start, Instant end) {

		static StepView of(Booking appointment) {
			return new StepView(appointment.id(), appointment.claim().practitionerId(),
					appointment.claim().appointmentType(), appointment.during().start(), appointment.during().end());
		}

	}

	record ChainView(UUID id, UUID patientId, @Nullable UUID pathwayId, List<StepView> appointments,
			List<RuleForm> rules) {

	}

	record CascadeForm(@NotNull Instant start, @Nullable Boolean dryRun) {

	}

	record MoveView(UUID appointmentId, UUID practitionerId, String appointmentType, Instant fromStart, Instant fromEnd,
			Instant toStart, Instant toEnd, boolean moves) {

	}

	record CascadeView(UUID cascadeId, boolean applied, List<MoveView> plan) {

	}

	@Operation(summary = "Link appointments into a chain",
			description = "Links one patient's appointments by rules {from, to, offset, tolerance}: to starts offset after from, give or take tolerance.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping("/api/appointments/chains")
	ResponseEntity<ChainView> link(@Valid @RequestBody ChainForm form) {
		AppointmentChain chain = chains.link(form.pathwayId(),
				form.rules()
					.stream()
					.map(rule -> new ChainRule(rule.from(), rule.to(), rule.offset(), rule.tolerance()))
					.toList());
		return ResponseEntity.created(URI.create("/api/appointments/chains/" + chain.id())).body(view(chain));
	}

	@Operation(summary = "Get a chain", description = "The chain's appointments and rules.")
	@GetMapping("/api/appointments/chains/{id}")
	ChainView get(@PathVariable UUID id) {
		return view(chains.get(id));
	}

	@Operation(summary = "Reschedule an appointment and its chain",
			description = "Moves the appointment and the rest of its chain within the rules and availability, all or none; a dry run shows the plan. If-Match names the version of the appointment the coordinator saw, dry run included, so that a plan is never made for a state nobody saw (428 without it, 409 stale-version on an older one); the other steps are version-checked inside the cascade. 422 cascade-impossible names the step that cannot move.")
	@PostMapping("/api/appointments/{id}/cascade-reschedule")
	ResponseEntity<CascadeView> cascade(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody CascadeForm form) {
		ChainService.Cascade cascade = chains.cascade(id, expected, form.start(), Boolean.TRUE.equals(form.dryRun()));
		return Versioned.ok(cascade.version(),
				new CascadeView(cascade.cascadeId(), cascade.applied(), cascade.moves()
					.stream()
					.map(move -> new MoveView(move.appointment().id(), move.appointment().claim().practitionerId(),
							move.appointment().claim().appointmentType(), move.appointment().during().start(),
							move.appointment().during().end(), move.to().start(), move.to().end(), move.moves()))
					.toList()));
	}

	private ChainView view(AppointmentChain chain) {
		return new ChainView(chain.id(), chain.patientId(), chain.pathwayId(),
				chains.appointments(chain).stream().map(StepView::of).toList(),
				chain.rules()
					.stream()
					.map(rule -> new RuleForm(rule.from(), rule.to(), rule.offset(), rule.tolerance()))
					.toList());
	}

}
