package care.parcours.billing.quotes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One version of a quote, as the patient sees it.
 *
 * @param number from 1
 * @param status where it stands
 * @param terms what it proposes
 * @param expiresAt the end of its validity date in billing's zone: a sent version lapses
 * then
 * @param createdAt when it was drafted (or last redrafted)
 * @param sentAt when it was sent
 * @param closedAt when it was accepted, rejected, superseded or expired
 */
public record QuoteVersion(int number, QuoteStatus status, Terms terms, Instant expiresAt, Instant createdAt,
		@Nullable Instant sentAt, @Nullable Instant closedAt) {

	QuoteVersion close(QuoteStatus next, Instant now) {
		return new QuoteVersion(number, next, terms, expiresAt, createdAt, sentAt, now);
	}

	/** Whether the patient may still accept it at {@code now}. */
	boolean lapsedAt(Instant now) {
		return !now.isBefore(expiresAt);
	}

}
