package care.parcours.scheduling.booking;

/** Where a hold or an appointment stands. */
public enum BookingStatus {

	/** A hold waiting for the patient's decision. */
	HELD,
	/** A hold given up before it lapsed. */
	RELEASED,
	/** A hold that lapsed. */
	EXPIRED,
	/** An appointment to come. */
	BOOKED, CANCELLED,
	/** The patient arrived. */
	CHECKED_IN, COMPLETED,
	/** The patient did not come. */
	NO_SHOW

}
