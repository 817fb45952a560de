package care.parcours.patient.export;

import java.util.Map;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patient data rights", description = "GDPR: a patient's data exported, or erased by crypto-shredding")
class PatientExportController {

	private final PatientExports exports;

	PatientExportController(PatientExports exports) {
		this.exports = exports;
	}

	@GetMapping("/{id}/export")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
	@Operation(summary = "Export everything held about a patient",
			description = "One JSON document (GDPR access and portability): patientId, exportedAt and a section "
					+ "per feature: record (identity, contacts, identifiers), accessReport (who opened the record, "
					+ "when, with which roles, why), consents (all, withdrawn ones included, who recorded them), "
					+ "vitalSigns, allergies and medication (displays in clear), notes (text in clear), documents "
					+ "(the list: kind, type, size, SHA-256, when and by whom; contents are downloaded one by one). "
					+ "Audited as EXPORT. 410 patient-erased once erased.")
	Map<String, Object> export(@PathVariable UUID id, Accessor accessor) {
		return exports.export(id, accessor);
	}

}
