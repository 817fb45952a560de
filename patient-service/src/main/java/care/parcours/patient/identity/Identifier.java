package care.parcours.patient.identity;

/**
 * A number that names one person in a register. Values are normalised on the way in
 * (upper case, no spaces or separators), so that the same number written two ways is the
 * same identifier.
 */
public sealed interface Identifier permits Passport, FrenchNir, BelgianNationalNumber, InsurerMemberNumber {

	IdentifierType type();

	/** The number, normalised. */
	String value();

	/**
	 * Who issued it, where the number alone is not unique: the passport's country, the
	 * insurer; empty for national registers.
	 */
	String issuer();

	/** What two records holding the same identifier share: type, issuer and number. */
	default LookupTerm lookupTerm() {
		return new LookupTerm(LookupTerm.Kind.IDENTIFIER, type() + "|" + issuer() + "|" + value());
	}

	/**
	 * Drops the separators people write between groups of characters: spaces, dots,
	 * dashes, slashes.
	 */
	static String compact(String written) {
		return written.replaceAll("[\\s.\\-/]", "");
	}

}
