package care.parcours.patient.templates;

/** Who owns a step: the role whose work list it belongs to. */
public enum OwnerRole {

	COORDINATOR, ASSISTANT, BILLING, PARTNER

}
