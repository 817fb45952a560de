package care.parcours.partner.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhooks",
		description = "A partner's webhook endpoints: where its events are delivered, signed with the endpoint's secret.")
@RestController
@RequestMapping("/api/partners/{partnerId}/webhooks")
class WebhookEndpointController {

	private final WebhookRegistry registry;

	WebhookEndpointController(WebhookRegistry registry) {
		this.registry = registry;
	}

	/**
	 * An endpoint to register, or (PUT) its new settings; {@code enabled} defaults to
	 * true.
	 */
	record EndpointForm(@NotBlank @Size(max = 2000) String url, @Nullable @Size(max = 200) String description,
			@NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes, @Nullable Boolean enabled) {

		WebhookRegistry.Settings settings() {
			return new WebhookRegistry.Settings(url, description, eventTypes, enabled == null || enabled);
		}

	}

	record EndpointView(UUID id, UUID partnerId, URI url, @Nullable String description, List<String> eventTypes,
			boolean enabled, long version, Instant createdAt) {

		static EndpointView of(WebhookEndpoint endpoint) {
			return new EndpointView(endpoint.id(), endpoint.partnerId(), endpoint.url(), endpoint.description(),
					endpoint.eventTypes(), endpoint.enabled(), endpoint.version(), endpoint.createdAt());
		}

	}

	/**
	 * Shown once, when the endpoint is registered or its secret rotated: the partner
	 * keeps it to verify signatures.
	 */
	record EndpointWithSecret(UUID id, UUID partnerId, URI url, @Nullable String description, List<String> eventTypes,
			boolean enabled, long version, Instant createdAt, String secret,
			@Nullable Instant previousSecretExpiresAt) {

		static EndpointWithSecret of(WebhookEndpoint endpoint) {
			return new EndpointWithSecret(endpoint.id(), endpoint.partnerId(), endpoint.url(), endpoint.description(),
					endpoint.eventTypes(), endpoint.enabled(), endpoint.version(), endpoint.createdAt(),
					endpoint.secret().value(), endpoint.previousSecretExpiresAt());
		}

	}

	@Operation(summary = "Register a webhook endpoint",
			description = "Events of the types asked for are delivered to the URL from now on, signed with the secret shown in this answer only.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@PostMapping
	ResponseEntity<EndpointWithSecret> register(@PathVariable UUID partnerId, @Valid @RequestBody EndpointForm form) {
		WebhookEndpoint endpoint = registry.register(partnerId, form.settings());
		return Versioned.created(URI.create("/api/partners/" + partnerId + "/webhooks/" + endpoint.id()),
				endpoint.version(), EndpointWithSecret.of(endpoint));
	}

	@Operation(summary = "List webhook endpoints", description = "The partner's endpoints, without their secrets.")
	@GetMapping
	Page<EndpointView> list(@PathVariable UUID partnerId, PageQuery page) {
		return registry.ofPartner(partnerId, page).map(EndpointView::of);
	}

	@Operation(summary = "Get a webhook endpoint",
			description = "One endpoint, without its secret, with the version to send back in If-Match as ETag.")
	@ETagged
	@GetMapping("/{id}")
	ResponseEntity<EndpointView> get(@PathVariable UUID partnerId, @PathVariable UUID id) {
		WebhookEndpoint endpoint = registry.get(partnerId, id);
		return Versioned.ok(endpoint.version(), EndpointView.of(endpoint));
	}

	@Operation(summary = "Revise a webhook endpoint",
			description = "Replaces the endpoint's URL, event types and state on the version If-Match names.")
	@PutMapping("/{id}")
	ResponseEntity<EndpointView> revise(@PathVariable UUID partnerId, @PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody EndpointForm form) {
		WebhookEndpoint endpoint = registry.revise(partnerId, id, expected, form.settings());
		return Versioned.ok(endpoint.version(), EndpointView.of(endpoint));
	}

	@Operation(summary = "Rotate an endpoint's secret",
			description = "Gives the endpoint a new signing secret, shown in this answer only.")
	@ETagged
	@PostMapping("/{id}/secret")
	ResponseEntity<EndpointWithSecret> rotateSecret(@PathVariable UUID partnerId, @PathVariable UUID id) {
		WebhookEndpoint endpoint = registry.rotateSecret(partnerId, id);
		return Versioned.ok(endpoint.version(), EndpointWithSecret.of(endpoint));
	}

	@Operation(summary = "Delete a webhook endpoint", description = "Nothing more is delivered to it.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID partnerId, @PathVariable UUID id, ExpectedVersion expected) {
		registry.remove(partnerId, id, expected);
		return ResponseEntity.noContent().build();
	}

}
