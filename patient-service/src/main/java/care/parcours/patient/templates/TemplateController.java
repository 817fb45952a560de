package care.parcours.patient.templates;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
@RequestMapping("/api/pathway-templates")
@Tag(name = "Pathway templates", description = "Protocols: versioned lists of steps placed around an anchor step, "
		+ "with dependencies, owners and what a booking needs; pathways are opened from one version")
class TemplateController {

	private static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";

	private final TemplateCatalog catalog;

	TemplateController(TemplateCatalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@Operation(summary = "Create a template",
			description = "Its first version. Refused (422) when a dependency names no step "
					+ "(template-unknown-dependency), dependencies loop (template-dependency-cycle, naming the "
					+ "cycle), a step would be due before one it depends on (template-offset-contradiction, "
					+ "naming both), there is not exactly one anchor (template-anchor) or two steps share a key "
					+ "(template-duplicate-step); 409 template-code-taken. The ETag is the version.")
	ResponseEntity<TemplateView> create(@Valid @RequestBody TemplateForm form) {
		PathwayTemplate template = catalog.create(form.code(), Boolean.TRUE.equals(form.sample()), form.names().names(),
				StepForm.steps(form.steps()), Caller.current().subject());
		return Versioned.created(URI.create("/api/pathway-templates/" + template.id()), template.version(),
				TemplateView.of(template));
	}

	@PostMapping("/{id}/versions")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@Operation(summary = "Publish a new version of a template",
			description = "Replaces names and steps in a new version, over the latest version named by If-Match "
					+ "(409 stale-version when another was published since). Pathways already opened keep the "
					+ "version they were opened from. Checked as at creation.")
	ResponseEntity<TemplateView> publish(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody VersionForm form) {
		PathwayTemplate template = catalog.publish(id, expected, form.names().names(), StepForm.steps(form.steps()),
				Caller.current().subject());
		return Versioned.created(
				URI.create("/api/pathway-templates/" + template.id() + "/versions/" + template.version()),
				template.version(), TemplateView.of(template));
	}

	@GetMapping
	@Operation(summary = "List templates", description = "The latest version of each template, by code.")
	Page<TemplateView> list(PageQuery page) {
		return catalog.list(page).map(TemplateView::of);
	}

	@GetMapping("/{id}")
	@ETagged
	@Operation(summary = "Read a template's latest version", description = "The ETag is the version.")
	ResponseEntity<TemplateView> latest(@PathVariable UUID id) {
		return versioned(catalog.latest(id));
	}

	@GetMapping("/{id}/versions/{version}")
	@ETagged
	@Operation(summary = "Read one version of a template",
			description = "Any published version, as it was published: pathways opened from it keep it. "
					+ "404 template-version-not-found for a version never published.")
	ResponseEntity<TemplateView> version(@PathVariable UUID id, @PathVariable int version) {
		return versioned(catalog.get(id, version));
	}

	private static ResponseEntity<TemplateView> versioned(PathwayTemplate template) {
		return Versioned.ok(template.version(), TemplateView.of(template));
	}

	record TemplateForm(@NotNull @Pattern(regexp = SLUG) String code, @Nullable Boolean sample,
			@NotNull @Valid NamesForm names, @NotEmpty @Size(max = 100) List<@NotNull @Valid StepForm> steps) {

	}

	record VersionForm(@NotNull @Valid NamesForm names,
			@NotEmpty @Size(max = 100) List<@NotNull @Valid StepForm> steps) {

	}

	/** Names in French, English and Dutch: all three are required. */
	@Schema(name = "TemplateNamesForm")
	record NamesForm(@NotBlank @Size(max = 200) String fr, @NotBlank @Size(max = 200) String en,
			@NotBlank @Size(max = 200) String nl) {

		LocalizedNames names() {
			return new LocalizedNames(fr, en, nl);
		}

	}

	/**
	 * A step: offset and tolerance are ISO-8601 durations in days and hours
	 * ({@code -P1D}, {@code P7D}, {@code PT12H}); the anchor's offset is zero.
	 */
	@Schema(name = "TemplateStepForm")
	record StepForm(@NotNull @Pattern(regexp = SLUG) String key, @NotNull StepKind kind,
			@NotNull @Valid NamesForm names, @Nullable Boolean anchor,
			@Schema(example = "-P1D") @NotBlank @Size(max = 40) String offset,
			@Schema(example = "PT12H") @Nullable @Size(max = 40) String tolerance,
			@Nullable @Size(max = 50) List<@NotNull @Pattern(regexp = SLUG) String> dependsOn,
			@NotNull OwnerRole ownerRole, @Nullable @Size(max = 100) String specialty,
			@Nullable @Size(max = 100) String appointmentType) {

		static List<TemplateStep> steps(List<StepForm> forms) {
			List<TemplateStep> steps = new ArrayList<>();
			for (int i = 0; i < forms.size(); i++) {
				steps.add(forms.get(i).step("steps[" + i + "]."));
			}
			return steps;
		}

		TemplateStep step(String prefix) {
			return new TemplateStep(key, kind, names.names(), Boolean.TRUE.equals(anchor),
					TimeOffset.parse(prefix + "offset", offset),
					tolerance == null ? TimeOffset.ZERO : TimeOffset.parse(prefix + "tolerance", tolerance),
					dependsOn == null ? List.of() : dependsOn, ownerRole, specialty, appointmentType);
		}

	}

	@Schema(name = "TemplateView")
	record TemplateView(UUID id, String code, int version, boolean sample, LocalizedNames names,
			List<TemplateStepView> steps, Instant publishedAt, String publishedBy) {

		static TemplateView of(PathwayTemplate template) {
			return new TemplateView(template.id(), template.code(), template.version(), template.sample(),
					template.names(), template.steps().stream().map(TemplateStepView::of).toList(),
					template.publishedAt(), template.publishedBy());
		}

	}

	record TemplateStepView(String key, StepKind kind, LocalizedNames names, boolean anchor, String offset,
			String tolerance, List<String> dependsOn, OwnerRole ownerRole, @Nullable String specialty,
			@Nullable String appointmentType) {

		static TemplateStepView of(TemplateStep step) {
			return new TemplateStepView(step.key(), step.kind(), step.names(), step.anchor(), step.offset().toString(),
					step.tolerance().toString(), step.dependsOn(), step.ownerRole(), step.specialty(),
					step.appointmentType());
		}

	}

}
