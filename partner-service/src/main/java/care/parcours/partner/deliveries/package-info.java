/**
 * Webhook deliveries: the events that concern a partner, fanned out to its endpoints in
 * the transaction that consumes them, then sent by virtual threads with Standard Webhooks
 * signatures; retried with backoff and jitter, in order per aggregate and endpoint,
 * behind a circuit breaker and a concurrency limit per endpoint; dead-lettered after the
 * last try, replayable, and logged attempt by attempt.
 */
@NullMarked
package care.parcours.partner.deliveries;

import org.jspecify.annotations.NullMarked;
