package care.parcours.patient.observations;

/** The coded lists a patient's record keeps. */
public enum CodedList {

	/** Allergies and intolerances: a substance or the allergy itself. */
	ALLERGY,

	/** Medication the patient takes now. */
	MEDICATION

}
