package care.parcours.patient.patients;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who a patient is: personal data, kept encrypted and never put in events, logs or
 * metrics.
 *
 * @param givenName given name(s)
 * @param familyName family name
 * @param birthDate date of birth
 * @param sex administrative sex
 * @param nationality ISO 3166-1 alpha-2 code
 * @param countryOfResidence ISO 3166-1 alpha-2 code
 * @param languages ISO 639-1 codes of the languages the patient speaks, preferred first
 * @param email contact address, if given
 * @param phone contact number in E.164 form, if given
 */
public record PatientIdentity(String givenName, String familyName, LocalDate birthDate, Sex sex, String nationality,
		String countryOfResidence, List<String> languages, @Nullable String email, @Nullable String phone) {

	/** Administrative sex, as in FHIR. */
	public enum Sex {

		FEMALE, MALE, OTHER, UNKNOWN

	}

	public PatientIdentity {
		languages = List.copyOf(languages);
	}

	/** Never print personal data, whatever logs the record by accident. */
	@Override
	public String toString() {
		return "PatientIdentity[redacted]";
	}

}
