package care.parcours.partner.resources;

import org.springframework.web.bind.annotation.RequestHeader;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import care.parcours.platform.idempotency.IdempotentRequests;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Resources",
		description = "Rooms, equipment and interpreters that appointments need besides practitioners.")
@RestController
class ResourceController {

	private final ResourceRegistry registry;

	private final IdempotentRequests idempotency;

	ResourceController(ResourceRegistry registry, IdempotentRequests idempotency) {
		this.registry = registry;
		this.idempotency = idempotency;
	}

	/** A new resource. */
	record ResourceForm(@NotNull ResourceKind kind, @NotBlank @Size(max = 200) String label,
			@Nullable @Size(max = 20) List<@NotBlank String> specialties,
			@Nullable @Size(max = 20) List<@NotNull @LanguageCode String> languages) {

		ResourceRegistry.Details details() {
			return new ResourceEdit(label, specialties, languages).details();
		}

	}

	/** Everything that can be edited about a resource: all but its kind. */
	record ResourceEdit(@NotBlank @Size(max = 200) String label,
			@Nullable @Size(max = 20) List<@NotBlank String> specialties,
			@Nullable @Size(max = 20) List<@NotNull @LanguageCode String> languages) {

		ResourceRegistry.Details details() {
			return new ResourceRegistry.Details(label, specialties == null ? List.of() : specialties,
					languages == null ? List.of() : languages);
		}

	}

	record ResourceView(UUID id, UUID partnerId, ResourceKind kind, String label, List<String> specialties,
			List<String> languages, String timeZone, boolean retired, long version, Instant registeredAt) {

		static ResourceView of(Resource resource) {
			return new ResourceView(resource.id(), resource.partnerId(), resource.kind(), resource.label(),
					resource.specialties(), resource.languages(), resource.timeZone(), resource.retired(),
					resource.version(), resource.registeredAt());
		}

	}

	@Operation(summary = "Register a resource",
			description = "A room, a piece of equipment or an interpreter the partner offers; scheduling-service keeps a schedule for it from the event. With an Idempotency-Key, a retried request registers once and gets the first answer.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = ResourceView.class)))
	@ETagged
	@PostMapping("/api/partners/{partnerId}/resources")
	ResponseEntity<?> register(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@PathVariable UUID partnerId, @Valid @RequestBody ResourceForm form) {
		return idempotency.run(key, "POST /api/partners/" + partnerId + "/resources", form, () -> {
			Resource resource = registry.register(partnerId, form.kind(), form.details());
			return Versioned.created(URI.create("/api/resources/" + resource.id()), resource.version(),
					ResourceView.of(resource));
		});
	}

	@Operation(summary = "Get a resource",
			description = "One resource, with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/api/resources/{id}")
	ResponseEntity<ResourceView> get(@PathVariable UUID id) {
		Resource resource = registry.get(id);
		if (!Caller.current().maySee(resource.partnerId())) {
			throw new ResourceRegistry.ResourceNotFound(id);
		}
		return versioned(resource);
	}

	@Operation(summary = "Revise a resource",
			description = "Replaces the resource's label, specialties and languages on the version If-Match names.")
	@PutMapping("/api/resources/{id}")
	ResponseEntity<ResourceView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody ResourceEdit edit) {
		return versioned(registry.revise(id, expected, edit.details()));
	}

	@Operation(summary = "Retire a resource",
			description = "The partner no longer offers the resource; it stays readable, and nothing new is booked on it.")
	@DeleteMapping("/api/resources/{id}")
	ResponseEntity<ResourceView> retire(@PathVariable UUID id, ExpectedVersion expected) {
		return versioned(registry.retire(id, expected));
	}

	@Operation(summary = "List a partner's resources",
			description = "The resources the partner offers, of one kind or all, by label; retired ones are left out.")
	@GetMapping("/api/partners/{partnerId}/resources")
	Page<ResourceView> offeredBy(@PathVariable UUID partnerId,
			@RequestParam(required = false) @Nullable ResourceKind kind, PageQuery page) {
		return registry.offeredBy(partnerId, kind, page).map(ResourceView::of);
	}

	private static ResponseEntity<ResourceView> versioned(Resource resource) {
		return Versioned.ok(resource.version(), ResourceView.of(resource));
	}

}
