package care.parcours.patient.pathways;

/**
 * Why a pathway needs a coordinator; the codes of
 * {@code patient.pathway.alert-raised.v1}.
 */
public enum AlertKind {

	STEP_OVERDUE, APPOINTMENT_CANCELLED, APPOINTMENT_NO_SHOW, QUOTE_EXPIRED, MOVE_REFUSED

}
