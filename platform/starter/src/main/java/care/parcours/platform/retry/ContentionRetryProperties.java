package care.parcours.platform.retry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How often and after how long a transaction that lost to concurrent ones is tried again:
 * the settings {@link RetryOnContention} reads, defaults in the starter's
 * {@code defaults.properties}.
 *
 * @param maxRetries how many times after the first attempt
 * @param delay the wait before the first retry
 * @param jitter at most this much more, at random, so that the losers do not meet again
 * @param multiplier how much longer each next wait is
 * @param maxDelay the longest wait
 */
@ConfigurationProperties("parcours.contention-retry")
public record ContentionRetryProperties(long maxRetries, Duration delay, Duration jitter, double multiplier,
		Duration maxDelay) {

	/**
	 * The same retries for a transaction run by a {@code TransactionTemplate}: the
	 * template's whole call is tried again, unless it ran inside a caller's transaction.
	 */
	public RetryPolicy policy() {
		return RetryPolicy.builder()
			.includes(PessimisticLockingFailureException.class)
			.predicate((failure) -> !TransactionSynchronizationManager.isActualTransactionActive())
			.maxRetries(maxRetries)
			.delay(delay)
			.jitter(jitter)
			.multiplier(multiplier)
			.maxDelay(maxDelay)
			.build();
	}

}
