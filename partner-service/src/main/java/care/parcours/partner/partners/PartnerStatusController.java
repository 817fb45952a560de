package care.parcours.partner.partners;

import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Activates and suspends partners: {@code PUT /api/partners/{id}/status}. */
@Tag(name = "Partners", description = "Hospitals, clinics and networks of the care network.")
@RestController
class PartnerStatusController {

	private final PartnerDirectory directory;

	PartnerStatusController(PartnerDirectory directory) {
		this.directory = directory;
	}

	record StatusForm(@NotNull OnboardingStatus status) {

	}

	@Operation(summary = "Change a partner's status",
			description = "Activates, suspends or retires a partner on the version If-Match names; 422 when the move is not allowed from the current status.")
	@PutMapping("/api/partners/{id}/status")
	ResponseEntity<PartnerController.PartnerView> move(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody StatusForm form) {
		return PartnerController.versioned(directory.moveTo(id, expected, form.status()));
	}

}
