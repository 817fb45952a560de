package care.parcours.patient.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.identity.EmailAddress;
import care.parcours.patient.identity.InvalidField;
import care.parcours.patient.identity.LookupTerm;
import care.parcours.patient.identity.PhoneNumber;
import care.parcours.patient.patients.PatientViews.Found;
import care.parcours.platform.domain.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding a patient without the database holding what they are found by: the terms are
 * matched by their keyed digests. Both are POSTs so that an e-mail, a phone or a name
 * never sits in a URL, where access logs, proxies and browser histories keep it.
 */
@RestController
@RequestMapping("/api/patients")
@Tag(name = "Finding patients", description = "Exact look-up by identifier, e-mail or phone, and search by family "
		+ "name and birth date, through blind indexes")
class PatientFindingController {

	private final PatientRegistry registry;

	PatientFindingController(PatientRegistry registry) {
		this.registry = registry;
	}

	/** Exactly one of the three. */
	record LookupForm(@Nullable @Size(max = 254) String email, @Nullable @Size(max = 30) String phone,
			IdentityForm.@Nullable @Valid IdentifierForm identifier) {

		LookupTerm term() {
			List<LookupTerm> terms = new ArrayList<>();
			try {
				if (email != null) {
					terms.add(new LookupTerm(LookupTerm.Kind.EMAIL,
							IdentityForm.at("email", () -> new EmailAddress(email)).value()));
				}
				if (phone != null) {
					terms.add(new LookupTerm(LookupTerm.Kind.PHONE,
							IdentityForm.at("phone", () -> new PhoneNumber(phone)).value()));
				}
				if (identifier != null) {
					terms.add(IdentityForm.at("identifier", identifier::identifier).lookupTerm());
				}
			}
			catch (InvalidField refused) {
				throw IdentityForm.refusal(refused);
			}
			if (terms.size() != 1) {
				throw new InvalidRequestException("lookup-needs-one-term",
						"Give exactly one of email, phone or identifier.");
			}
			return terms.get(0);
		}

	}

	/** A family name with a birth date, or a birth year when the date is not known. */
	record SearchForm(@NotBlank @Size(max = 100) String familyName, @Nullable LocalDate birthDate,
			@Nullable @Min(1850) @Max(2200) Integer birthYear) {

		int year() {
			if (birthDate == null && birthYear == null) {
				throw InvalidRequestException.ofField("birthDate", "give the birth date, or at least birthYear");
			}
			if (birthDate != null && birthYear != null && birthDate.getYear() != birthYear) {
				throw InvalidRequestException.ofField("birthYear", "must be the year of birthDate");
			}
			if (familyName.codePoints().noneMatch(Character::isLetter)) {
				throw InvalidRequestException.ofField("familyName", "must hold at least one letter");
			}
			return birthDate != null ? birthDate.getYear() : birthYear;
		}

	}

	@PostMapping("/lookup")
	@Operation(summary = "Look a patient up by identifier, e-mail or phone",
			description = "Exact match on the normalised value (e-mail lower-cased, phone in E.164, identifier "
					+ "without spaces) through its keyed digest. Answers the patients found (names and birth date "
					+ "to tell them apart), each audited; none is an empty list, not a 404.")
	Found lookUp(@Valid @RequestBody LookupForm form, Accessor accessor) {
		return Found.of(registry.lookUp(form.term(), accessor));
	}

	@PostMapping("/search")
	@Operation(summary = "Search patients by family name and birth date",
			description = "The whole family name, case and accents aside, with the birth date or year. No prefix, "
					+ "fuzzy or given-name-only search: the index holds keyed digests of whole folded names. Each "
					+ "patient shown is audited.")
	Found search(@Valid @RequestBody SearchForm form, Accessor accessor) {
		return Found.of(registry.search(form.familyName(), form.year(), form.birthDate(), accessor));
	}

}
