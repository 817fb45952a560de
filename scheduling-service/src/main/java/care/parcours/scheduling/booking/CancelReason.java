package care.parcours.scheduling.booking;

/** Why an appointment was cancelled, as a code: free text stays out of events. */
public enum CancelReason {

	PATIENT_REQUEST, PRACTITIONER_UNAVAILABLE, TRAVEL_DISRUPTION, MEDICAL_REASON, DUPLICATE, OTHER

}
