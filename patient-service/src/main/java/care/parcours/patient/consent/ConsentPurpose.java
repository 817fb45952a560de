package care.parcours.patient.consent;

/** What a patient may consent to. */
public enum ConsentPurpose {

	/** Coordinating the patient's care across the network. */
	CARE_COORDINATION,

	/** Sharing the record with one partner, named by the consent. */
	SHARING_WITH_PARTNER,

	/** Using the patient's data for research. */
	RESEARCH,

	/** Contacting the patient by e-mail. */
	CONTACT_BY_EMAIL,

	/** Contacting the patient by text or instant message. */
	CONTACT_BY_MESSAGE;

	/** Whether a consent to this purpose names the partner it concerns. */
	boolean namesPartner() {
		return this == SHARING_WITH_PARTNER;
	}

}
