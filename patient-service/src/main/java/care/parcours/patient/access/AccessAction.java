package care.parcours.patient.access;

/** What was done to a patient record. */
public enum AccessAction {

	CREATE, READ

}
