package care.parcours.patient.pathways;

/** Where a step stands; the codes of {@code patient.pathway.step-changed.v1}. */
public enum StepStatus {

	/** Due at a date, nothing booked yet. */
	PLANNED,

	/** Booked (an appointment or a hold in scheduling-service). */
	SCHEDULED,

	/** Done. */
	DONE,

	/** Not done, on purpose, with a reason. */
	SKIPPED,

	/** Past its due date and not done. */
	OVERDUE,

	/** Its appointment was cancelled or missed while the step is still needed. */
	BROKEN;

	/** Still to do: neither done nor skipped. */
	public boolean isOpen() {
		return this != DONE && this != SKIPPED;
	}

}
