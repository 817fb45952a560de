package care.parcours.patient.identity;

/**
 * A normalised value a patient can be found by exactly. Only its keyed digest (a blind
 * index) is stored, so the database can match it without holding it.
 *
 * @param kind what the value is
 * @param text the normalised value
 */
public record LookupTerm(Kind kind, String text) {

	/** What a term is made of; part of the digest, so equal texts of two kinds differ. */
	public enum Kind {

		/** Type, issuer and number of an identifier. */
		IDENTIFIER,

		/** An e-mail address, lower case. */
		EMAIL,

		/** A phone number in E.164 form. */
		PHONE,

		/**
		 * Folded family and given names with the full birth date: the duplicate check.
		 */
		NAME_AND_BIRTH_DATE,

		/** Folded family name with the birth year: the search. */
		FAMILY_NAME_AND_BIRTH_YEAR

	}

	@Override
	public String toString() {
		return "LookupTerm[" + kind + "]";
	}

}
