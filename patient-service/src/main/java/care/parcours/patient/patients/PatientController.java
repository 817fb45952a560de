package care.parcours.patient.patients;

import java.net.URI;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.patients.PatientViews.PartnerPatientView;
import care.parcours.patient.patients.PatientViews.PatientSummary;
import care.parcours.patient.patients.PatientViews.PatientView;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
@Tag(name = "Patients", description = "Patient records: identity, contacts and identifiers, encrypted at rest; "
		+ "every read is audited")
class PatientController {

	private final PatientRegistry registry;

	PatientController(PatientRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@Operation(summary = "Register a patient",
			description = "Opens a record. Identifiers are checked (NIR key, Belgian check digits), the phone is "
					+ "normalised to E.164. A record that may be the same person (same identifier, or same folded "
					+ "names and birth date) is a 409 patient-already-registered naming its id; send the request "
					+ "again with that id in confirmedDistinctFrom if it is someone else.")
	ResponseEntity<PatientView> register(@Valid @RequestBody IdentityForm form, Accessor accessor) {
		Patient patient = registry.register(form.identity(), form.confirmedDistinct(), accessor);
		return Versioned.created(URI.create("/api/patients/" + patient.id()), patient.version(),
				PatientView.of(patient));
	}

	@GetMapping("/{id}")
	@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
	@ETagged
	@Operation(summary = "Read a patient record",
			description = "Staff: the whole record (PatientView) with its version as ETag. A partner client (scope "
					+ "partner.appointments.read): only while a consent to SHARING_WITH_PARTNER names its partner, "
					+ "and then only what care needs (PartnerPatientView: names, birth date, sex, languages); "
					+ "otherwise 403 consent-required naming the purpose. Audited with the caller, their roles, "
					+ "the partner, the purpose declared in X-Access-Purpose and the correlation id, refusals "
					+ "included.")
	@ApiResponse(responseCode = "200", description = "The record, as the caller may see it",
			// anyOf, not oneOf: a staff record holds every field of the partner's view,
			// so
			// it is valid against both.
			content = @Content(schema = @Schema(anyOf = { PatientView.class, PartnerPatientView.class })))
	ResponseEntity<?> get(@PathVariable UUID id, Accessor accessor) {
		if (accessor.partnerId() != null) {
			Patient patient = registry.readForPartner(id, accessor.partnerId(), accessor);
			return Versioned.ok(patient.version(), PartnerPatientView.of(patient));
		}
		return versioned(registry.read(id, accessor));
	}

	@PutMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
	@Operation(summary = "Replace a patient's identity",
			description = "Replaces everything the record holds on the version named by If-Match (required: 428 "
					+ "without it, 409 stale-version on an older one). The duplicate check applies as at "
					+ "registration.")
	ResponseEntity<PatientView> revise(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody IdentityForm form, Accessor accessor) {
		return versioned(registry.revise(id, expected, form.identity(), form.confirmedDistinct(), accessor));
	}

	@GetMapping
	@Operation(summary = "List patients",
			description = "Oldest registration first. Coordinators and assistants see names and birth dates, each "
					+ "patient shown audited; billing and admin see ids and registration dates only, and open a "
					+ "record by id when their work names it.")
	Page<PatientSummary> list(PageQuery page, Accessor accessor) {
		if (PatientRegistry.showsNames(accessor)) {
			return registry.list(page, accessor).map(PatientSummary::of);
		}
		return registry.listRegistrations(page).map(PatientSummary::of);
	}

	private static ResponseEntity<PatientView> versioned(Patient patient) {
		return Versioned.ok(patient.version(), PatientView.of(patient));
	}

}
