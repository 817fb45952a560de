package care.parcours.patient.documents;

/** What a document is, as the person uploading it says. */
public enum DocumentKind {

	REFERRAL_LETTER, MEDICAL_REPORT, PRESCRIPTION, LAB_RESULT, IMAGING, INSURANCE, IDENTITY, CONSENT_FORM, OTHER

}
