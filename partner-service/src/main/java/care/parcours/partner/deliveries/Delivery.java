package care.parcours.partner.deliveries;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint, as the delivery log shows it.
 *
 * @param id the message id, sent as {@code webhook-id} on every attempt, so that
 * receivers deduplicate retries and replays
 * @param endpointId where it goes
 * @param eventId the event delivered
 * @param eventType its type
 * @param aggregateId the aggregate the event is about; deliveries of one aggregate to one
 * endpoint go in order
 * @param status where it stands
 * @param attempts attempts since it was created or last replayed
 * @param nextAttemptAt when it is tried next, while pending
 * @param lastStatusCode the HTTP status of the last attempt, if the endpoint answered
 * @param lastLatencyMillis how long the last attempt took
 * @param lastError what went wrong last
 * @param createdAt when the event was fanned out to the endpoint
 * @param deliveredAt when the endpoint accepted it
 * @param deadAt when it was dead-lettered
 */
public record Delivery(UUID id, UUID endpointId, String eventId, String eventType, String aggregateId,
		DeliveryStatus status, int attempts, Instant nextAttemptAt, @Nullable Integer lastStatusCode,
		@Nullable Integer lastLatencyMillis, @Nullable String lastError, Instant createdAt,
		@Nullable Instant deliveredAt, @Nullable Instant deadAt) {

	/**
	 * A delivery reserved by a dispatcher for one attempt.
	 *
	 * @param claim proves the reservation when the result is stored: a reservation that
	 * lapsed and was taken over does not overwrite the newer one
	 */
	record Claimed(UUID id, UUID endpointId, String eventType, String payload, int attempts, UUID claim) {

	}

	/**
	 * One attempt, as logged.
	 *
	 * @param number 1 for the first attempt ever, replays continue the count
	 */
	public record Attempt(int number, Instant attemptedAt, AttemptOutcome outcome, @Nullable Integer statusCode,
			long latencyMillis, @Nullable String error) {

	}

}
