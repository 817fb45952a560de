package care.parcours.billing.coverage;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.catalogue.ItemKind;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.money.Money;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Coverages",
		description = "Patients' insurance policies (by patient id only): a deductible and, per kind of item, a share, a ceiling and whether prior authorisation is needed.")
@RestController
class PolicyController {

	private final CoverageService coverage;

	PolicyController(CoverageService coverage) {
		this.coverage = coverage;
	}

	record RuleForm(@NotNull ItemKind kind, @Schema(
			description = "Percent of what the insurers before this one left to pay, 0 to 100") @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(
					integer = 3, fraction = 2) BigDecimal sharePercent,
			@Schema(description = "The most it pays of one line, in the policy's currency") @Nullable Money ceiling,
			@Schema(description = "Whether the insurer must approve a quote with such a line first; false when absent") @Nullable Boolean authorisationRequired) {

		CoverageRule rule() {
			return new CoverageRule(kind, sharePercent, ceiling, Boolean.TRUE.equals(authorisationRequired));
		}

	}

	record PolicyForm(@NotNull UUID patientId, @NotNull UUID insurerId, @Schema(
			description = "What the patient bears before this insurer pays, over a quote; its currency is the policy's") @NotNull Money deductible,
			@NotNull LocalDate validFrom, @Nullable LocalDate validUntil,
			@NotNull @Size(min = 1, max = 7) List<@Valid @NotNull RuleForm> rules) {

	}

	record PolicyRevisionForm(@NotNull Money deductible, @NotNull LocalDate validFrom, @Nullable LocalDate validUntil,
			@NotNull @Size(min = 1, max = 7) List<@Valid @NotNull RuleForm> rules) {

	}

	record PolicyView(UUID id, UUID patientId, UUID insurerId, InsurerKind insurerKind, Money deductible,
			LocalDate validFrom, @Nullable LocalDate validUntil, List<CoverageRule> rules, long version,
			Instant createdAt) {

		static PolicyView of(Policy policy) {
			return new PolicyView(policy.id(), policy.patientId(), policy.insurerId(), policy.insurerKind(),
					policy.deductible(), policy.validFrom(), policy.validUntil(), policy.rules(), policy.version(),
					policy.createdAt());
		}

	}

	@Operation(summary = "Add a policy",
			description = "A patient's policy with an insurer. Insurers pay in order (national, mutual, private international), each its share of what the ones before left, at most its ceiling per line, after the deductible the patient bears; a policy covers quotes in its currency only.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@ETagged
	@PostMapping("/api/coverages")
	ResponseEntity<PolicyView> add(@Valid @RequestBody PolicyForm form) {
		Policy policy = checked(() -> coverage.addPolicy(form.patientId(), form.insurerId(), form.deductible(),
				form.validFrom(), form.validUntil(), rules(form.rules())));
		return Versioned.created(URI.create("/api/coverages/" + policy.id()), policy.version(), PolicyView.of(policy));
	}

	@Operation(summary = "List a patient's policies", description = "Oldest first.")
	@GetMapping("/api/coverages")
	List<PolicyView> list(@RequestParam UUID patientId) {
		return coverage.policiesOf(patientId).stream().map(PolicyView::of).toList();
	}

	@Operation(summary = "Get a policy", description = "With its rules and its version as ETag.")
	@ETagged
	@GetMapping("/api/coverages/{id}")
	ResponseEntity<PolicyView> get(@PathVariable UUID id) {
		return view(coverage.policy(id));
	}

	@Operation(summary = "Change a policy",
			description = "Replaces its deductible, dates and rules on the version If-Match names. Quotes already sent keep the split they were sent with.")
	@PutMapping("/api/coverages/{id}")
	ResponseEntity<PolicyView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody PolicyRevisionForm form) {
		return view(checked(() -> coverage.revisePolicy(id, form.deductible(), form.validFrom(), form.validUntil(),
				rules(form.rules()), expected)));
	}

	private static List<CoverageRule> rules(List<RuleForm> rules) {
		return rules.stream().map(RuleForm::rule).toList();
	}

	/**
	 * The policy's own rules (one rule per kind, ceilings in its currency, dates in
	 * order).
	 */
	private static Policy checked(java.util.function.Supplier<Policy> change) {
		try {
			return change.get();
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequestException.ofField("rules", ex.getMessage());
		}
	}

	private static ResponseEntity<PolicyView> view(Policy policy) {
		return Versioned.ok(policy.version(), PolicyView.of(policy));
	}

}
