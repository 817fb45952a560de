package care.parcours.patient.pathways;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.pathways.PathwayViews.PartnerPathwayView;
import care.parcours.patient.pathways.PathwayViews.PartnerStepView;
import care.parcours.patient.pathways.PathwayViews.PathwayView;
import care.parcours.patient.pathways.PathwayViews.StepView;
import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pathways")
@Tag(name = "Pathways",
		description = "Care pathways: one patient's journey for one need, opened from a template "
				+ "version; steps with due dates and owners, alerts. Every change names the version it was made on "
				+ "(If-Match) and answers the pathway with its new version as ETag")
class PathwayController {

	private static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";

	private final PathwayService service;

	PathwayController(PathwayService service) {
		this.service = service;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased")
	@ETagged
	@Operation(summary = "Open a pathway",
			description = "For a registered patient (404 patient-not-found, 410 patient-erased) from a template's "
					+ "latest version, or the one named (404 template-not-found, template-version-not-found). "
					+ "Every step is planned at the anchor plus its offset, owned by its template role. The "
					+ "coordinator defaults to the caller. Publishes patient.pathway.opened.v1 and one "
					+ "patient.pathway.step-changed.v1 per step.")
	ResponseEntity<PathwayView> open(@Valid @RequestBody OpenForm form) {
		Pathway pathway = service.open(form.patientId(), form.templateId(), form.templateVersion(), form.anchorAt(),
				form.coordinatorId() != null ? form.coordinatorId() : Caller.current().subject(), form.partnerId());
		return Versioned.created(URI.create("/api/pathways/" + pathway.id()), pathway.version(),
				PathwayView.of(pathway));
	}

	@GetMapping("/{id}")
	@ETagged
	@Operation(summary = "Read a pathway",
			description = "Staff: the whole pathway (PathwayView), steps and alerts. A partner client (scope "
					+ "partner.appointments.read): only a pathway at its organisation (others are 404), as "
					+ "PartnerPathwayView: the steps, and the patient's id only while a consent to "
					+ "SHARING_WITH_PARTNER names the partner.")
	@ApiResponse(responseCode = "200", description = "The pathway, as the caller may see it",
			content = @Content(schema = @Schema(anyOf = { PathwayView.class, PartnerPathwayView.class })))
	ResponseEntity<?> get(@PathVariable UUID id) {
		Caller caller = Caller.current();
		if (caller.isPartner()) {
			PathwayService.PartnerRead read = service.readForPartner(id, Accessor.current(null));
			return Versioned.ok(read.pathway().version(), PartnerPathwayView.of(read.pathway(), read.identityShared()));
		}
		return versioned(service.get(id));
	}

	@GetMapping("/{id}/steps/{stepId}")
	@Operation(summary = "Read a step of a pathway",
			description = "As the pathway's read: a partner sees "
					+ "PartnerStepView of a pathway at its organisation only.")
	@ApiResponse(responseCode = "200", description = "The step, as the caller may see it",
			content = @Content(schema = @Schema(anyOf = { StepView.class, PartnerStepView.class })))
	Object step(@PathVariable UUID id, @PathVariable UUID stepId) {
		Caller caller = Caller.current();
		if (caller.isPartner()) {
			Pathway pathway = service.atPartner(id, caller.partnerId().get());
			return PartnerStepView
				.of(pathway.step(stepId).orElseThrow(() -> new PathwayProblems.StepNotFound(id, stepId)));
		}
		Pathway pathway = service.get(id);
		return StepView.of(pathway.step(stepId).orElseThrow(() -> new PathwayProblems.StepNotFound(id, stepId)));
	}

	@PostMapping("/{id}/steps")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@Operation(summary = "Add a step by hand",
			description = "Planned at its due date, which must not precede a step it depends on "
					+ "(422 step-before-dependency); the key defaults to the kind's (follow-up-2 when taken). "
					+ "Location names the step.")
	ResponseEntity<PathwayView> addStep(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody StepForm form) {
		Pathway pathway = service.addStep(id, expected, form.step());
		PathwayStep added = pathway.steps().getLast();
		return Versioned.created(URI.create("/api/pathways/" + id + "/steps/" + added.id()), pathway.version(),
				PathwayView.of(pathway));
	}

	@PostMapping("/{id}/steps/{stepId}/skip")
	@ETagged
	@Operation(summary = "Skip a step", description = "With a reason; a done or skipped step cannot be "
			+ "(409 invalid-transition). Resolves the step's open alerts.")
	ResponseEntity<PathwayView> skip(@PathVariable UUID id, @PathVariable UUID stepId, ExpectedVersion expected,
			@Valid @RequestBody ReasonForm form) {
		return versioned(service.skipStep(id, expected, stepId, form.reason(), Caller.current().subject()));
	}

	@PostMapping("/{id}/steps/{stepId}/reassign")
	@ETagged
	@Operation(summary = "Reassign a step",
			description = "To a user, to another role, or both; what is not " + "named stays.")
	ResponseEntity<PathwayView> reassign(@PathVariable UUID id, @PathVariable UUID stepId, ExpectedVersion expected,
			@Valid @RequestBody AssignmentForm form) {
		if (form.assigneeId() == null && form.ownerRole() == null) {
			throw InvalidRequestException.ofField("assigneeId", "assigneeId or ownerRole is required");
		}
		return versioned(service.reassignStep(id, expected, stepId, form.assigneeId(), form.ownerRole()));
	}

	@PostMapping("/{id}/steps/{stepId}/move")
	@ETagged
	@Operation(summary = "Move a step's due date",
			description = "An unbooked step only (a booked one moves with its appointment: 409). Never before "
					+ "a step it depends on (422 step-before-dependency, naming it), nor after a step that "
					+ "depends on it (422 step-after-dependent).")
	ResponseEntity<PathwayView> move(@PathVariable UUID id, @PathVariable UUID stepId, ExpectedVersion expected,
			@Valid @RequestBody MoveForm form) {
		return versioned(service.moveStep(id, expected, stepId, form.dueAt()));
	}

	@PostMapping("/{id}/hold")
	@ETagged
	@Operation(summary = "Put a pathway on hold", description = "An open pathway only.")
	ResponseEntity<PathwayView> hold(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody HoldForm form) {
		return versioned(service.hold(id, expected, form.reason()));
	}

	@PostMapping("/{id}/resume")
	@ETagged
	@Operation(summary = "Resume a pathway on hold",
			description = "Back to OPEN; a pathway not on hold is a 409 invalid-transition. No body.")
	ResponseEntity<PathwayView> resume(@PathVariable UUID id, ExpectedVersion expected) {
		return versioned(service.resume(id, expected));
	}

	@PostMapping("/{id}/close")
	@ETagged
	@Operation(summary = "Close a pathway with an outcome",
			description = "With steps still open, a reason is required (422 open-steps-remain, naming them). "
					+ "Open alerts are resolved. Publishes patient.pathway.closed.v1.")
	ResponseEntity<PathwayView> close(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody CloseForm form) {
		return versioned(service.close(id, expected, form.outcome(), form.reason(), Caller.current().subject()));
	}

	@PostMapping("/{id}/cancel")
	@ETagged
	@Operation(summary = "Cancel a pathway",
			description = "With a reason. Publishes patient.pathway.closed.v1 with status CANCELLED.")
	ResponseEntity<PathwayView> cancel(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody ReasonForm form) {
		return versioned(service.cancel(id, expected, form.reason(), Caller.current().subject()));
	}

	@PostMapping("/{id}/alerts/{alertId}/resolution")
	@ETagged
	@Operation(summary = "Resolve an alert by hand",
			description = "Records who (the caller), when and how; an alert resolved already is a 409.")
	ResponseEntity<PathwayView> resolve(@PathVariable UUID id, @PathVariable UUID alertId, ExpectedVersion expected,
			@Valid @RequestBody ResolutionForm form) {
		return versioned(service.resolveAlert(id, expected, alertId, Caller.current().subject(), form.resolution()));
	}

	private static ResponseEntity<PathwayView> versioned(Pathway pathway) {
		return Versioned.ok(pathway.version(), PathwayView.of(pathway));
	}

	record OpenForm(@NotNull UUID patientId, @NotNull UUID templateId, @Nullable @Positive Integer templateVersion,
			@NotNull Instant anchorAt, @Nullable @Size(min = 1, max = 200) String coordinatorId,
			@Nullable UUID partnerId) {

	}

	@Schema(name = "StepNamesForm")
	record NamesForm(@NotBlank @Size(max = 200) String fr, @NotBlank @Size(max = 200) String en,
			@NotBlank @Size(max = 200) String nl) {

	}

	@Schema(name = "PathwayStepForm")
	record StepForm(@Nullable @Pattern(regexp = SLUG) String key, @NotNull StepKind kind,
			@NotNull @Valid NamesForm names, @NotNull Instant dueAt, @NotNull OwnerRole ownerRole,
			@Nullable @Size(min = 1, max = 200) String assigneeId,
			@Nullable @Size(max = 50) List<@NotNull @Pattern(regexp = SLUG) String> dependsOn,
			@Nullable @Size(max = 100) String specialty, @Nullable @Size(max = 100) String appointmentType) {

		NewStep step() {
			return new NewStep(key, kind, new LocalizedNames(names.fr(), names.en(), names.nl()), dueAt, ownerRole,
					assigneeId, dependsOn == null ? List.of() : dependsOn, specialty, appointmentType);
		}

	}

	record ReasonForm(@NotBlank @Size(max = 500) String reason) {

	}

	record AssignmentForm(@Nullable @Size(min = 1, max = 200) String assigneeId, @Nullable OwnerRole ownerRole) {

	}

	record MoveForm(@NotNull Instant dueAt) {

	}

	record HoldForm(@Nullable @Size(max = 500) String reason) {

	}

	record CloseForm(@NotNull Outcome outcome, @Nullable @Size(max = 500) String reason) {

	}

	record ResolutionForm(@NotBlank @Size(max = 500) String resolution) {

	}

}
