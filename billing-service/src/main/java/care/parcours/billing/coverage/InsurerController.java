package care.parcours.billing.coverage;

import java.net.URI;
import java.util.UUID;

import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Insurers", description = "National insurers, mutual insurers and private international insurers.")
@RestController
class InsurerController {

	private final CoverageService coverage;

	InsurerController(CoverageService coverage) {
		this.coverage = coverage;
	}

	record InsurerForm(@NotNull InsurerKind kind,
			@NotBlank @Size(max = 32) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$") String code,
			@NotBlank @Size(max = 200) String label, @NotNull @CountryCode String country) {

	}

	@Operation(summary = "Add an insurer", description = "409 insurer-code-taken when the code is taken.")
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@PostMapping("/api/insurers")
	ResponseEntity<Insurer> add(@Valid @RequestBody InsurerForm form) {
		Insurer insurer = coverage.addInsurer(form.kind(), form.code(), form.label(), form.country());
		return ResponseEntity.created(URI.create("/api/insurers/" + insurer.id())).body(insurer);
	}

	@Operation(summary = "List insurers", description = "In code order.")
	@GetMapping("/api/insurers")
	Page<Insurer> list(PageQuery page) {
		return coverage.insurers(page);
	}

	@Operation(summary = "Get an insurer", description = "Its kind, code, name and country.")
	@GetMapping("/api/insurers/{id}")
	Insurer get(@PathVariable UUID id) {
		return coverage.insurer(id);
	}

}
