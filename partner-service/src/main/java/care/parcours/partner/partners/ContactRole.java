package care.parcours.partner.partners;

/** What a coordinator calls a partner's contact for. */
public enum ContactRole {

	INTERNATIONAL_DESK, ADMISSIONS, MEDICAL, BILLING, OPERATIONS, OTHER

}
