package care.parcours.billing.coverage;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Prior authorisations",
		description = "An insurer's prior agreement to cover its share of a quote: requested, approved (up to an amount, until a date), refused, expired.")
@RestController
class AuthorisationController {

	private final AuthorisationService authorisations;

	AuthorisationController(AuthorisationService authorisations) {
		this.authorisations = authorisations;
	}

	record RequestForm(@NotNull UUID policyId) {

	}

	enum Outcome {

		APPROVED, REFUSED

	}

	record DecisionForm(@NotNull Outcome outcome, @Nullable Money approvedAmount, @Nullable LocalDate validUntil) {

	}

	record AuthorisationView(UUID id, UUID quoteId, int quoteVersion, UUID policyId, UUID insurerId,
			AuthorisationStatus status, Money requestedAmount, @Nullable Money approvedAmount,
			@Nullable LocalDate validUntil, Instant requestedAt, @Nullable Instant decidedAt, long version) {

		static AuthorisationView of(PriorAuthorisation authorisation) {
			return new AuthorisationView(authorisation.id(), authorisation.quoteId(), authorisation.quoteVersion(),
					authorisation.policyId(), authorisation.insurerId(), authorisation.status(),
					authorisation.requested(), authorisation.approved(), authorisation.validUntil(),
					authorisation.requestedAt(), authorisation.decidedAt(), authorisation.version());
		}

	}

	@Operation(summary = "Request a prior authorisation",
			description = "Records that the policy's insurer was asked to cover its share of the quote's latest version. 422 policy-pays-nothing when it has no share; 409 authorisation-open while a request or an approval of the same policy is open.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@ETagged
	@PostMapping("/api/quotes/{quoteId}/authorisations")
	ResponseEntity<AuthorisationView> request(@PathVariable UUID quoteId, @Valid @RequestBody RequestForm form) {
		PriorAuthorisation requested = authorisations.request(quoteId, form.policyId());
		return Versioned.created(URI.create("/api/quotes/" + quoteId + "/authorisations/" + requested.id()),
				requested.version(), AuthorisationView.of(requested));
	}

	@Operation(summary = "List a quote's prior authorisations", description = "Latest request first.")
	@GetMapping("/api/quotes/{quoteId}/authorisations")
	List<AuthorisationView> list(@PathVariable UUID quoteId) {
		return authorisations.ofQuote(quoteId).stream().map(AuthorisationView::of).toList();
	}

	@Operation(summary = "Get a prior authorisation", description = "Where it stands, with its version as ETag.")
	@ETagged
	@GetMapping("/api/quotes/{quoteId}/authorisations/{id}")
	ResponseEntity<AuthorisationView> get(@PathVariable UUID quoteId, @PathVariable UUID id) {
		return view(authorisations.get(quoteId, id));
	}

	@Operation(summary = "Record an insurer's decision",
			description = "APPROVED with approvedAmount (at most the amount requested) and validUntil, or REFUSED, on the version If-Match names; publishes billing.authorisation.decided.v1. An approval lapses by itself after validUntil.")
	@PostMapping("/api/quotes/{quoteId}/authorisations/{id}/decision")
	ResponseEntity<AuthorisationView> decide(@PathVariable UUID quoteId, @PathVariable UUID id,
			ExpectedVersion expected, @Valid @RequestBody DecisionForm form) {
		PriorAuthorisation decided = switch (form.outcome()) {
			case APPROVED -> {
				if (form.approvedAmount() == null) {
					throw InvalidRequestException.ofField("approvedAmount", "is required to approve");
				}
				if (form.validUntil() == null) {
					throw InvalidRequestException.ofField("validUntil", "is required to approve");
				}
				yield authorisations.approve(quoteId, id, form.approvedAmount(), form.validUntil(), expected);
			}
			case REFUSED -> authorisations.refuse(quoteId, id, expected);
		};
		return view(decided);
	}

	private static ResponseEntity<AuthorisationView> view(PriorAuthorisation authorisation) {
		return Versioned.ok(authorisation.version(), AuthorisationView.of(authorisation));
	}

}
