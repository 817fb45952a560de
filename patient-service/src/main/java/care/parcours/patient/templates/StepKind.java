package care.parcours.patient.templates;

/**
 * What a step of a pathway is; the codes of {@code patient.pathway.step-changed.v1}.
 */
public enum StepKind {

	TELECONSULTATION, CONSULTATION, EXAMINATION, SURGERY, HOSPITAL_STAY, QUOTE, TRAVEL, ACCOMMODATION, INTERPRETER,
	FOLLOW_UP, DOCUMENT, MULTIDISCIPLINARY_MEETING

}
