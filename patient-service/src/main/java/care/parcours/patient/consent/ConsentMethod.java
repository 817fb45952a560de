package care.parcours.patient.consent;

/** How the patient expressed a consent or its withdrawal. */
public enum ConsentMethod {

	/** On a signed paper form, kept by whoever recorded it. */
	SIGNED_FORM,

	/** Said to the member of staff who recorded it. */
	ORAL,

	/** Through an electronic form or signature. */
	ELECTRONIC

}
