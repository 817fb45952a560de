package care.parcours.patient.identity;

/** Administrative sex, as FHIR's {@code AdministrativeGender}. */
public enum Sex {

	FEMALE, MALE, OTHER, UNKNOWN

}
