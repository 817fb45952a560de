package care.parcours.patient.identity;

/** The kinds of identifier a patient record holds. */
public enum IdentifierType {

	/** A passport, with the country that issued it. */
	PASSPORT,

	/** France's social security number (NIR), 13 characters and a 2-digit key. */
	FR_NIR,

	/** Belgium's national register number (rijksregisternummer), 11 digits. */
	BE_NATIONAL_REGISTER,

	/**
	 * A member number at an insurer (mutual or private), with the insurer's name or code.
	 */
	INSURER_MEMBER

}
