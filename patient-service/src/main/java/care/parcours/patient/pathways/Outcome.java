package care.parcours.patient.pathways;

/** How a closed pathway ended. */
public enum Outcome {

	/** The care was given. */
	COMPLETED,

	/** Handed to another network or coordinator. */
	TRANSFERRED,

	/** The patient decided against it. */
	DECLINED,

	/** The patient turned out not to be a candidate. */
	NOT_ELIGIBLE,

	/** Another ending, said in the reason. */
	OTHER

}
