package care.parcours.partner.deliveries;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt to deliver gave.
 *
 * @param outcome how it ended
 * @param statusCode the HTTP status, when the endpoint answered
 * @param latencyMillis from sending to the answer or the failure
 * @param error what went wrong, when it did: never a response body, which the partner
 * controls
 */
record AttemptResult(AttemptOutcome outcome, @Nullable Integer statusCode, long latencyMillis, @Nullable String error) {

	boolean succeeded() {
		return outcome == AttemptOutcome.DELIVERED;
	}

}
