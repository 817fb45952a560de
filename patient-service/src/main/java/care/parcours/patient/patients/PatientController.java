package care.parcours.patient.patients;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.openapi.ETagged;
import care.parcours.platform.security.Caller;
import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Patients", description = "Patient records: identities encrypted at rest, every read audited.")
@RestController
@RequestMapping("/api/patients")
class PatientController {

	private final PatientRegistry registry;

	PatientController(PatientRegistry registry) {
		this.registry = registry;
	}

	record PatientForm(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
			@NotNull @Past LocalDate birthDate, @NotNull PatientIdentity.Sex sex,
			@NotNull @CountryCode String nationality, @NotNull @CountryCode String countryOfResidence,
			@NotEmpty @Size(max = 10) List<@NotNull @LanguageCode String> languages,
			@Nullable @Email @Size(max = 254) String email, @Nullable @Pattern(regexp = "^\\+[1-9][0-9]{6,14}$",
					message = "must be in E.164 form such as +33612345678") String phone) {

		PatientIdentity toIdentity() {
			return new PatientIdentity(givenName.strip(), familyName.strip(), birthDate, sex, nationality,
					countryOfResidence, languages, email, phone);
		}

	}

	record PatientView(UUID id, String givenName, String familyName, LocalDate birthDate, PatientIdentity.Sex sex,
			String nationality, String countryOfResidence, List<String> languages, @Nullable String email,
			@Nullable String phone, long version, Instant registeredAt) {

		static PatientView of(Patient patient) {
			PatientIdentity identity = patient.identity();
			return new PatientView(patient.id(), identity.givenName(), identity.familyName(), identity.birthDate(),
					identity.sex(), identity.nationality(), identity.countryOfResidence(), identity.languages(),
					identity.email(), identity.phone(), patient.version(), patient.registeredAt());
		}

		@Override
		public String toString() {
			return "PatientView[id=" + id + "]";
		}

	}

	@Operation(summary = "Register a patient",
			description = "Records a patient's identity; personal data never leaves this service.")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@ETagged
	@PostMapping
	ResponseEntity<PatientView> register(@Valid @RequestBody PatientForm form) {
		Patient patient = registry.register(form.toIdentity(), Caller.current().subject());
		return ResponseEntity.created(URI.create("/api/patients/" + patient.id()))
			.eTag(Long.toString(patient.version()))
			.body(PatientView.of(patient));
	}

	@Operation(summary = "Get a patient", description = "One patient record; the read is audited with the caller.")
	@ETagged
	@GetMapping("/{id}")
	ResponseEntity<PatientView> get(@PathVariable UUID id) {
		Patient patient = registry.read(id, Caller.current().subject());
		return ResponseEntity.ok().eTag(Long.toString(patient.version())).body(PatientView.of(patient));
	}

}
