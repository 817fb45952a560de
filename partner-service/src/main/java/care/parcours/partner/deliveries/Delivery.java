package care.parcours.partner.deliveries;

import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.tracing.StoredTraceContext;
import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint: pending until the endpoint accepts it (delivered) or its
 * last attempt fails (dead), and pending again when a dead one is replayed. Every change
 * checks the status, takes the time as an argument and returns the delivery after it;
 * {@link Deliveries} stores it.
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
	 * How many times a failing delivery is tried, and how long it waits in between.
	 *
	 * @param maxAttempts the attempts before it is dead-lettered
	 * @param backoff the wait after each failure
	 */
	record Retries(int maxAttempts, Backoff backoff) {

	}

	/**
	 * A delivery after an attempt, and the attempt to log.
	 *
	 * @param at when the attempt ended
	 */
	record Attempted(Delivery delivery, AttemptResult result, Instant at) {

	}

	/**
	 * Records an attempt: a success delivers it; a failure makes it wait for the backoff,
	 * or dead-letters it when it was the last attempt.
	 * @param jitter draws the random part of the backoff
	 */
	Attempted recordAttempt(AttemptResult result, Instant now, Retries retries, RandomGenerator jitter) {
		requirePending("attempted");
		int made = attempts + 1;
		Delivery after;
		if (result.succeeded()) {
			after = attempted(DeliveryStatus.DELIVERED, made, nextAttemptAt, result, now, deadAt);
		}
		else if (made >= retries.maxAttempts()) {
			after = attempted(DeliveryStatus.DEAD, made, nextAttemptAt, result, deliveredAt, now);
		}
		else {
			after = attempted(status, made, now.plus(retries.backoff().after(made, jitter)), result, deliveredAt,
					deadAt);
		}
		return new Attempted(after, result, now);
	}

	/**
	 * Gives the delivery back untried, due again at {@code until}: no attempt counted.
	 */
	Delivery postpone(Instant until) {
		requirePending("postponed");
		return new Delivery(id, endpointId, eventId, eventType, aggregateId, status, attempts, until, lastStatusCode,
				lastLatencyMillis, lastError, createdAt, deliveredAt, deadAt);
	}

	/**
	 * Makes a dead delivery pending again, due now, with all its attempts ahead of it.
	 * @throws NotDead when it is pending or delivered
	 */
	Delivery replay(Instant now) {
		if (status != DeliveryStatus.DEAD) {
			throw new NotDead(this);
		}
		return new Delivery(id, endpointId, eventId, eventType, aggregateId, DeliveryStatus.PENDING, 0, now,
				lastStatusCode, lastLatencyMillis, lastError, createdAt, deliveredAt, null);
	}

	private Delivery attempted(DeliveryStatus status, int attempts, Instant nextAttemptAt, AttemptResult result,
			@Nullable Instant deliveredAt, @Nullable Instant deadAt) {
		return new Delivery(id, endpointId, eventId, eventType, aggregateId, status, attempts, nextAttemptAt,
				result.statusCode(), (int) Math.min(Integer.MAX_VALUE, result.latencyMillis()), result.error(),
				createdAt, deliveredAt, deadAt);
	}

	private void requirePending(String change) {
		if (status != DeliveryStatus.PENDING) {
			throw new NotPending(this, change);
		}
	}

	/**
	 * A delivery reserved by a dispatcher for one attempt.
	 * @param delivery as it was claimed
	 * @param payload the message sent
	 * @param claim proves the reservation when the result is stored: a reservation that
	 * lapsed and was taken over does not overwrite the newer one
	 */
	/**
	 * @param trace the trace context of the event that caused the delivery
	 */
	record Claimed(Delivery delivery, String payload, UUID claim, StoredTraceContext trace) {

		Claimed(Delivery delivery, String payload, UUID claim) {
			this(delivery, payload, claim, StoredTraceContext.NONE);
		}

	}

	/**
	 * One attempt, as logged.
	 *
	 * @param number 1 for the first attempt ever, replays continue the count
	 */
	public record Attempt(int number, Instant attemptedAt, AttemptOutcome outcome, @Nullable Integer statusCode,
			long latencyMillis, @Nullable String error) {

	}

	/** Only a pending delivery is attempted or postponed. */
	static final class NotPending extends ConflictException {

		NotPending(Delivery delivery, String change) {
			super("webhook-delivery-not-pending",
					"Delivery " + delivery.id() + " is " + delivery.status() + "; it cannot be " + change + ".");
		}

	}

	/** Only a dead-lettered delivery is replayed. */
	static final class NotDead extends ConflictException {

		NotDead(Delivery delivery) {
			super("webhook-delivery-not-dead", "Delivery " + delivery.id() + " is " + delivery.status()
					+ "; only dead-lettered deliveries are replayed.");
		}

	}

}
