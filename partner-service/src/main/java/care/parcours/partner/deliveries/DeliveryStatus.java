package care.parcours.partner.deliveries;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Waiting for its first or next attempt, or for the deliveries before it. */
	PENDING,

	/** The endpoint answered 2xx. */
	DELIVERED,

	/** Every attempt failed; replay it once the endpoint is fixed. */
	DEAD

}
