package care.parcours.patient.consent;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients/{id}/consents")
@Tag(name = "Consents",
		description = "What each patient consented to, from when and until when, recorded by whom "
				+ "and how; a consent to SHARING_WITH_PARTNER is what lets that partner read the record")
@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
class ConsentController {

	private final ConsentRegistry registry;

	ConsentController(ConsentRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Record a consent",
			description = "The purpose (CARE_COORDINATION, SHARING_WITH_PARTNER with the partnerId it names, "
					+ "RESEARCH, CONTACT_BY_EMAIL, CONTACT_BY_MESSAGE), how the patient gave it (SIGNED_FORM, ORAL, "
					+ "ELECTRONIC) and from when (now when absent). The caller is recorded as who recorded it. "
					+ "Audited; publishes patient.consent.granted.v1 (ids, purpose code, times).")
	ResponseEntity<ConsentView> grant(@PathVariable UUID id, @Valid @RequestBody GrantForm form, Accessor accessor) {
		Consent consent = registry.grant(id, form.purpose(), form.partnerId(), form.method(), form.effectiveFrom(),
				accessor);
		return Versioned.created(URI.create("/api/patients/" + id + "/consents/" + consent.id()), consent.version(),
				ConsentView.of(consent, registry.now()));
	}

	@PostMapping("/{consentId}/withdrawal")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "Withdraw a consent",
			description = "Ends the consent from withdrawnAt (now when absent; not in the future, not before it took "
					+ "effect) on the version If-Match names. The consent is kept, with its withdrawal: a consent "
					+ "is withdrawn once (409 consent-already-withdrawn), consenting again is a new consent. "
					+ "Audited; publishes patient.consent.withdrawn.v1.")
	ResponseEntity<ConsentView> withdraw(@PathVariable UUID id, @PathVariable UUID consentId, ExpectedVersion expected,
			@Valid @RequestBody WithdrawalForm form, Accessor accessor) {
		Consent consent = registry.withdraw(id, consentId, expected, form.method(), form.withdrawnAt(), accessor);
		return Versioned.ok(consent.version(), ConsentView.of(consent, registry.now()));
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's consents",
			description = "Current and past consents, the latest recorded first, each saying whether it holds now. "
					+ "Audited.")
	Page<ConsentView> list(@PathVariable UUID id, PageQuery page, Accessor accessor) {
		Instant now = registry.now();
		return registry.list(id, page, accessor).map(consent -> ConsentView.of(consent, now));
	}

	@GetMapping("/{consentId}")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "Read a consent", description = "With its version as ETag, for a withdrawal. Audited.")
	ResponseEntity<ConsentView> get(@PathVariable UUID id, @PathVariable UUID consentId, Accessor accessor) {
		Consent consent = registry.read(id, consentId, accessor);
		return Versioned.ok(consent.version(), ConsentView.of(consent, registry.now()));
	}

	record GrantForm(@NotNull ConsentPurpose purpose,
			@Schema(description = "The partner the patient agrees to share with: required for SHARING_WITH_PARTNER, "
					+ "refused for other purposes") @Nullable UUID partnerId,
			@NotNull ConsentMethod method,
			@Schema(description = "From when the consent holds; now when absent") @Nullable Instant effectiveFrom) {

	}

	record WithdrawalForm(@NotNull ConsentMethod method, @Schema(
			description = "From when the consent no longer holds; now when absent") @Nullable Instant withdrawnAt) {

	}

	record ConsentView(UUID id, UUID patientId, ConsentPurpose purpose, @Nullable UUID partnerId, ConsentMethod method,
			Instant effectiveFrom, String recordedBy, Instant recordedAt, @Nullable WithdrawalView withdrawal,
			@Schema(description = "Whether the consent holds now") boolean current, long version) {

		static ConsentView of(Consent consent, Instant now) {
			Consent.Statement withdrawal = consent.withdrawal();
			return new ConsentView(consent.id(), consent.patientId(), consent.purpose(), consent.partnerId(),
					consent.grant().method(), consent.grant().effectiveAt(), consent.grant().recordedBy(),
					consent.grant().recordedAt(),
					withdrawal == null ? null : new WithdrawalView(withdrawal.method(), withdrawal.effectiveAt(),
							withdrawal.recordedBy(), withdrawal.recordedAt()),
					consent.isCurrentAt(now), consent.version());
		}

	}

	record WithdrawalView(ConsentMethod method, Instant withdrawnAt, String recordedBy, Instant recordedAt) {

	}

}
