package care.parcours.patient.access;

import java.util.UUID;

import care.parcours.patient.access.AuditTrail.AccessEntry;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who read or changed which patient record, when, why and in which request: "
		+ "an append-only trail, for administrators")
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/patients/{id}/audit")
	@Operation(summary = "Read a patient's audit trail",
			description = "Every access to the patient's record, newest first: reads (refused partner reads "
					+ "included, outcome REFUSED), lists, look-ups and searches that showed the patient, "
					+ "registration, edits and consent changes; who, their roles, the partner a client acted for, "
					+ "the declared purpose and the correlation id. Admin only.")
	Page<AccessEntry> ofPatient(@PathVariable UUID id, PageQuery page) {
		return trail.ofPatient(id, page);
	}

	@GetMapping("/api/audit")
	@Operation(summary = "Read what one user accessed",
			description = "Every access to patient records by one login or client id, newest first. Admin only.")
	Page<AccessEntry> ofUser(
			@Parameter(description = "The login or client id, as the token's sub") @RequestParam String user,
			PageQuery page) {
		return trail.ofUser(user, page);
	}

}
