package care.parcours.patient.pathways;

/** Where a pathway stands. */
public enum PathwayStatus {

	/** Being worked. */
	OPEN,

	/** Paused (the patient postponed, a document is awaited); still in the work list. */
	ON_HOLD,

	/** Ended with an outcome. */
	CLOSED,

	/** Abandoned before its end. */
	CANCELLED;

	/** Open or on hold: it still changes and appears in the work list. */
	public boolean isActive() {
		return this == OPEN || this == ON_HOLD;
	}

}
