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
	BOOKED,
	/**
	 * An appointment a cascade is moving, for the length of the cascade's transaction
	 * only: it is out of the overlap checks so that the chain's appointments can pass
	 * each other, and is booked again at its new time before the transaction ends.
	 */
	MOVING, CANCELLED,
	/** The patient arrived. */
	CHECKED_IN, COMPLETED,
	/** The patient did not come. */
	NO_SHOW;

	/**
	 * Whether a booking in this status takes its resources' time: what the exclusion
	 * constraints of the {@code booking} and {@code booking_resource} tables check.
	 */
	boolean takesTime() {
		return switch (this) {
			case HELD, BOOKED, CHECKED_IN, COMPLETED, NO_SHOW -> true;
			case RELEASED, EXPIRED, MOVING, CANCELLED -> false;
		};
	}

}
