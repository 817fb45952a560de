package care.parcours.auth.partnerclients;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of partner clients; only administrators get here (see the security
 * chain).
 */
@Tag(name = "Partner clients",
		description = "OAuth2 clients of partner organisations: issued, listed, rotated and revoked by administrators.")
@RestController
@RequestMapping("/api/partner-clients")
class PartnerClientController {

	private final PartnerClientRegistry registry;

	PartnerClientController(PartnerClientRegistry registry) {
		this.registry = registry;
	}

	/** A client for a partner; every partner scope unless {@code scopes} narrows them. */
	record IssueForm(@NotNull UUID partnerId, @Nullable @Size(min = 1, max = 10) List<@NotNull String> scopes,
			@Nullable @Size(max = 200) String name) {

		Set<PartnerScope> partnerScopes() {
			if (scopes == null) {
				return EnumSet.allOf(PartnerScope.class);
			}
			Set<PartnerScope> known = EnumSet.noneOf(PartnerScope.class);
			for (int index = 0; index < scopes.size(); index++) {
				String field = "scopes[" + index + "]";
				known.add(PartnerScope.of(scopes.get(index))
					.orElseThrow(
							() -> InvalidRequestException.ofField(field, "must be one of " + PartnerScope.listed())));
			}
			return known;
		}

	}

	/** A client as administrators see it: never its secret. */
	record ClientView(String clientId, UUID partnerId, String name, List<String> scopes, String status,
			Instant createdAt, @Nullable Instant secretRotatedAt, @Nullable Instant revokedAt) {

		static ClientView of(PartnerClient client) {
			return new ClientView(client.clientId(), client.partnerId(), client.name(), client.scopeValues(),
					client.isRevoked() ? "REVOKED" : "ACTIVE", client.createdAt(), client.secretRotatedAt(),
					client.revokedAt());
		}

	}

	/** A new client with its secret, shown this once. */
	record IssuedView(String clientId, String clientSecret, UUID partnerId, String name, List<String> scopes,
			Instant createdAt) {

	}

	/** A client's new secret, shown this once. */
	record SecretView(String clientId, String clientSecret, Instant rotatedAt) {

	}

	@Operation(summary = "Issue a partner client",
			description = "Creates an OAuth2 client (client credentials) for a known partner, with the scopes asked for or all of them. The secret is in this answer only. 422 unknown-partner when partner-service has not registered the partner.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@PostMapping
	ResponseEntity<IssuedView> issue(@Valid @RequestBody IssueForm form) {
		PartnerClientRegistry.IssuedClient issued = registry.issue(form.partnerId(), form.partnerScopes(), form.name());
		PartnerClient client = issued.client();
		return ResponseEntity.created(URI.create("/api/partner-clients/" + client.clientId()))
			.body(new IssuedView(client.clientId(), issued.secret(), client.partnerId(), client.name(),
					client.scopeValues(), client.createdAt()));
	}

	@Operation(summary = "List partner clients",
			description = "Partner clients, optionally of one partner, newest first. Secrets are never shown.")
	@GetMapping
	Page<ClientView> list(@RequestParam(required = false) @Nullable UUID partnerId, PageQuery page) {
		return registry.list(partnerId, page).map(ClientView::of);
	}

	@Operation(summary = "Get a partner client", description = "One partner client, without its secret.")
	@GetMapping("/{clientId}")
	ClientView get(@PathVariable String clientId) {
		return ClientView.of(registry.get(clientId));
	}

	@Operation(summary = "Rotate a client's secret",
			description = "Gives the client a new secret, shown in this answer only; the old secret stops working at once.")
	@PostMapping("/{clientId}/rotate")
	SecretView rotate(@PathVariable String clientId) {
		PartnerClientRegistry.IssuedClient rotated = registry.rotateSecret(clientId);
		return new SecretView(clientId, rotated.secret(), rotated.client().secretRotatedAt());
	}

	@Operation(summary = "Revoke a partner client",
			description = "The client gets no new tokens, and the services refuse its older tokens within seconds (auth.partner-client.revoked.v1).")
	@PostMapping("/{clientId}/revoke")
	ClientView revoke(@PathVariable String clientId) {
		return ClientView.of(registry.revoke(clientId));
	}

}
