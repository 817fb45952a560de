package care.parcours.platform.retry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * Tries a transaction again, whole and in a fresh transaction, when PostgreSQL aborted it
 * for losing to concurrent ones: a deadlock (SQLSTATE 40P01, which concurrent inserts
 * checked by an exclusion constraint, or rows locked in different orders, can cause) or a
 * serialization failure (40001), both of which Spring translates to a
 * {@link PessimisticLockingFailureException}. Nothing else is tried again: a refusal of
 * the domain, a violated constraint or a stale version is the answer.
 * <p>
 * Put it beside {@code @Transactional}, on the method or on the class of a service's
 * commands: the retry runs outside the transaction, so each attempt starts afresh, and
 * what a failed attempt wrote (its rows, its outbox events, its idempotency key) rolled
 * back with it. Only a call that was a transaction of its own is tried again: a
 * {@code @Transactional} method called outside any transaction. One called inside a
 * caller's transaction is not tried again alone, since that transaction is lost too: the
 * caller's boundary starts over (an annotated method, {@code IdempotentRequests}, or an
 * event consumer's redelivery). A method without a transaction of its own is not tried
 * again either, so that retries never multiply. The effects of a method must be in its
 * transaction: a call to another system made inside it would be made again.
 * <p>
 * Up to {@code parcours.contention-retry.max-retries} retries (4), the first after
 * {@code delay} (20 ms) plus up to {@code jitter} (20 ms), each next one
 * {@code multiplier} (2) times longer, at most {@code max-delay} (500 ms)
 * ({@link ContentionRetryProperties}). When the last attempt fails too, the exception
 * reaches the problem handler, which answers {@code 503} {@code busy} with
 * {@code Retry-After}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(includes = PessimisticLockingFailureException.class, predicate = OutermostTransaction.class,
		maxRetriesString = "${parcours.contention-retry.max-retries}",
		delayString = "${parcours.contention-retry.delay}", jitterString = "${parcours.contention-retry.jitter}",
		multiplierString = "${parcours.contention-retry.multiplier}",
		maxDelayString = "${parcours.contention-retry.max-delay}")
public @interface RetryOnContention {

}
