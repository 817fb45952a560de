package care.parcours.patient.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a patient is and how to reach them: personal data, kept encrypted and never put in
 * events, logs, metrics or problem details.
 *
 * @param givenName given name(s)
 * @param familyName family name
 * @param birthDate date of birth
 * @param sex administrative sex
 * @param nationality ISO 3166-1 alpha-2 code
 * @param countryOfResidence ISO 3166-1 alpha-2 code
 * @param languages ISO 639-1 codes of the languages the patient speaks
 * @param preferredLanguage the one to use with them, among {@code languages}
 * @param email contact address, if given
 * @param phone contact number, if given
 * @param address postal address, if given
 * @param emergencyContact companion or person to call, if given
 * @param identifiers passport, national and insurer numbers; one per type and issuer
 */
public record PatientIdentity(String givenName, String familyName, LocalDate birthDate, Sex sex, String nationality,
		String countryOfResidence, List<String> languages, String preferredLanguage, @Nullable EmailAddress email,
		@Nullable PhoneNumber phone, @Nullable PostalAddress address, @Nullable EmergencyContact emergencyContact,
		List<Identifier> identifiers) {

	public PatientIdentity {
		givenName = givenName.strip();
		familyName = familyName.strip();
		languages = List.copyOf(languages);
		identifiers = List.copyOf(identifiers);
		if (languages.isEmpty()) {
			throw new InvalidField("languages", "must name at least one language");
		}
		if (!languages.contains(preferredLanguage)) {
			throw new InvalidField("preferredLanguage", "must be one of the languages the patient speaks");
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < identifiers.size(); i++) {
			Identifier identifier = identifiers.get(i);
			if (!seen.add(identifier.type() + "|" + identifier.issuer())) {
				throw new InvalidField("identifiers[" + i + "]",
						"repeats a type (and issuer) an earlier identifier has: one of each");
			}
		}
		requireLetters("givenName", givenName);
		requireLetters("familyName", familyName);
	}

	private static void requireLetters(String field, String name) {
		if (name.codePoints().noneMatch(Character::isLetter)) {
			throw new InvalidField(field, "must hold at least one letter");
		}
	}

	/**
	 * Every normalised value the patient can be found by exactly, each turned into a
	 * blind index when stored.
	 */
	public List<LookupTerm> lookupTerms() {
		List<LookupTerm> terms = new ArrayList<>(duplicateTerms());
		if (email != null) {
			terms.add(new LookupTerm(LookupTerm.Kind.EMAIL, email.value()));
		}
		if (phone != null) {
			terms.add(new LookupTerm(LookupTerm.Kind.PHONE, phone.value()));
		}
		terms.add(familyNameAndBirthYear(familyName, birthDate.getYear()));
		return terms;
	}

	/**
	 * The terms two records of the same person would share: any identifier, or the same
	 * folded names and birth date.
	 */
	public List<LookupTerm> duplicateTerms() {
		List<LookupTerm> terms = new ArrayList<>();
		identifiers.forEach(identifier -> terms.add(identifier.lookupTerm()));
		terms.add(new LookupTerm(LookupTerm.Kind.NAME_AND_BIRTH_DATE,
				FoldedName.of(familyName).value() + "|" + FoldedName.of(givenName).value() + "|" + birthDate));
		return terms;
	}

	/** The search term of a family name and a birth year. */
	public static LookupTerm familyNameAndBirthYear(String familyName, int birthYear) {
		return new LookupTerm(LookupTerm.Kind.FAMILY_NAME_AND_BIRTH_YEAR,
				FoldedName.of(familyName).value() + "|" + birthYear);
	}

	/** Never print personal data, whatever logs the record by accident. */
	@Override
	public String toString() {
		return "PatientIdentity[redacted]";
	}

}
