package care.parcours.partner.practitioners;

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
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Practitioners", description = "Practitioners and the partners they work at.")
@RestController
class PractitionerController {

	private final PractitionerRegistry registry;

	private final IdempotentRequests idempotency;

	PractitionerController(PractitionerRegistry registry, IdempotentRequests idempotency) {
		this.registry = registry;
		this.idempotency = idempotency;
	}

	/** A new practitioner, or (PUT) everything that can be edited about one. */
	record PractitionerForm(@NotBlank @Size(max = 200) String name,
			@NotEmpty @Size(max = 20) List<@NotBlank String> specialties,
			@NotEmpty @Size(max = 20) List<@NotNull @LanguageCode String> languages,
			@Nullable @Size(max = 2) List<@NotNull @Valid IdentifierForm> identifiers) {

		PractitionerRegistry.Details details() {
			return new PractitionerRegistry.Details(name, specialties, languages,
					identifiers == null ? List.of()
							: identifiers.stream()
								.map(i -> new PractitionerRegistry.GivenIdentifier(i.type(), i.value()))
								.toList());
		}

	}

	record IdentifierForm(@NotNull IdentifierType type, @NotBlank @Size(max = 30) String value) {

	}

	record PractitionerView(UUID id, UUID partnerId, List<UUID> partnerIds, String name, List<String> specialties,
			List<String> languages, List<ProfessionalIdentifier> identifiers, String timeZone, long version,
			Instant registeredAt) {

		static PractitionerView of(Practitioner practitioner) {
			return new PractitionerView(practitioner.id(), practitioner.partnerId(), practitioner.partnerIds(),
					practitioner.name(), practitioner.specialties(), practitioner.languages(),
					practitioner.identifiers(), practitioner.timeZone(), practitioner.version(),
					practitioner.registeredAt());
		}

	}

	@Operation(summary = "Register a practitioner",
			description = "A practitioner starts working at the partner; scheduling-service opens a schedule for them from the event. With an Idempotency-Key, a retried request registers once and gets the first answer.")
	@ApiResponse(responseCode = "201", description = "Created",
			content = @Content(schema = @Schema(implementation = PractitionerView.class)))
	@ETagged
	@PostMapping("/api/partners/{partnerId}/practitioners")
	ResponseEntity<?> register(@RequestHeader(name = IdempotentRequests.HEADER, required = false) @Nullable String key,
			@PathVariable UUID partnerId, @Valid @RequestBody PractitionerForm form) {
		return idempotency.run(key, "POST /api/partners/" + partnerId + "/practitioners", form, () -> {
			Practitioner practitioner = registry.register(partnerId, form.details());
			return Versioned.created(URI.create("/api/practitioners/" + practitioner.id()), practitioner.version(),
					PractitionerView.of(practitioner));
		});
	}

	@Operation(summary = "Get a practitioner",
			description = "One practitioner, with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/api/practitioners/{id}")
	ResponseEntity<PractitionerView> get(@PathVariable UUID id) {
		Practitioner practitioner = registry.get(id);
		if (!Caller.current().maySee(practitioner.partnerIds())) {
			throw new PractitionerRegistry.PractitionerNotFound(id);
		}
		return versioned(practitioner);
	}

	@Operation(summary = "Revise a practitioner",
			description = "Replaces the practitioner's details on the version If-Match names.")
	@PutMapping("/api/practitioners/{id}")
	ResponseEntity<PractitionerView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody PractitionerForm form) {
		return versioned(registry.revise(id, expected, form.details()));
	}

	/** The practitioner works for this partner too. */
	@Operation(summary = "Add a partner to a practitioner",
			description = "The practitioner also works at this partner from now on.")
	@PutMapping("/api/practitioners/{id}/partners/{partnerId}")
	ResponseEntity<PractitionerView> join(@PathVariable UUID id, @PathVariable UUID partnerId,
			ExpectedVersion expected) {
		return versioned(registry.join(id, expected, partnerId));
	}

	@Operation(summary = "Remove a partner from a practitioner",
			description = "The practitioner no longer works at this partner.")
	@DeleteMapping("/api/practitioners/{id}/partners/{partnerId}")
	ResponseEntity<PractitionerView> leave(@PathVariable UUID id, @PathVariable UUID partnerId,
			ExpectedVersion expected) {
		return versioned(registry.leave(id, expected, partnerId));
	}

	@Operation(summary = "List a partner's practitioners",
			description = "The practitioners working at the partner, by name.")
	@GetMapping("/api/partners/{partnerId}/practitioners")
	Page<PractitionerView> ofPartner(@PathVariable UUID partnerId, PageQuery page) {
		return registry.ofPartner(partnerId, page).map(PractitionerView::of);
	}

	private static ResponseEntity<PractitionerView> versioned(Practitioner practitioner) {
		return Versioned.ok(practitioner.version(), PractitionerView.of(practitioner));
	}

}
