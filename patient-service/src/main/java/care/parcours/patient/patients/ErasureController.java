package care.parcours.patient.patients;

import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.platform.domain.ExpectedVersion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patient data rights", description = "GDPR: a patient's data exported, or erased by crypto-shredding")
class ErasureController {

	private final PatientErasures erasures;

	ErasureController(PatientErasures erasures) {
		this.erasures = erasures;
	}

	@PostMapping("/{id}/erasure")
	@ApiResponse(responseCode = "200", description = "Erased", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "202", description = "Recorded: erased once the hold lapses, at dueAt",
			useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410", description = "Erased already: patient-erased, with erasedAt")
	@Operation(summary = "Erase a patient's record",
			description = "On the version named by If-Match: destroys the patient's data key, deletes their "
					+ "blind indexes, deletes their vital signs, allergies, medication, notes and documents (and "
					+ "the documents' files), keeps their consents as evidence (ids, purposes, times) and the "
					+ "record as a tombstone (the record, its consents and its clinical data answer 410 "
					+ "patient-erased with the date); other services hear patient.patient.erased.v1. Answers 200 with erasedAt. With "
					+ "retainUntil and a reason (LEGAL_HOLD, RETENTION_PERIOD) the erasure is recorded and done "
					+ "the day after retainUntil: 202 with dueAt. A second request replaces a pending one.")
	ResponseEntity<Erasure> erase(@PathVariable UUID id, ExpectedVersion expected,
			@RequestBody(required = false) @Nullable ErasureRequest request, Accessor accessor) {
		Erasure erasure = erasures.request(id, expected, request == null ? ErasureRequest.NOW : request, accessor);
		return ResponseEntity.status(erasure.isDone() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.eTag(Long.toString(erasure.version()))
			.body(erasure);
	}

}
