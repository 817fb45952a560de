package care.parcours.platform.polling;

import java.time.Duration;
import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bean whose work is the rounds of a {@link LeaderPoller}, started and stopped with the
 * application context: the outbox relay, a service's webhook dispatcher. A subclass says
 * what a round takes and what it hands on; the loop starts with the context when the
 * subclass is enabled, and at shutdown it is stopped before whatever the rounds hand work
 * to is released ({@link #afterStop()}), so no round hands work to a closed producer or
 * pool.
 *
 * @param <T> what a round takes
 */
public abstract class PollingLifecycle<T> implements SmartLifecycle {

	/**
	 * Between the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), which
	 * stops first, and its stop ({@code DEFAULT_PHASE - 2048}).
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

	private final LeaderPoller<T> poller;

	private final boolean enabled;

	private final Duration patience;

	/**
	 * @param settings the loop's name, lock, poll interval and batch size
	 * @param enabled whether the loop starts with the context (rounds can still be run by
	 * hand with {@link #poll()}, as tests do)
	 * @param patience how long stopping waits for the round under way
	 */
	protected PollingLifecycle(LeaderPoller.Settings settings, JdbcClient jdbc, TransactionTemplate transactions,
			boolean enabled, Duration patience) {
		this.enabled = enabled;
		this.patience = patience;
		this.poller = new LeaderPoller<>(settings, jdbc, transactions, new LeaderPoller.Round<>() {

			@Override
			public List<T> takeUnderLock(int batchSize) {
				return PollingLifecycle.this.takeUnderLock(batchSize);
			}

			@Override
			public void afterCommit(List<T> taken) {
				PollingLifecycle.this.afterCommit(taken);
			}

			@Override
			public Duration backOff() {
				return PollingLifecycle.this.backOff();
			}

		});
	}

	/**
	 * Takes up to a batch of work, in the round's transaction, while this instance holds
	 * the lock.
	 * @see LeaderPoller.Round#takeUnderLock(int)
	 */
	protected abstract List<T> takeUnderLock(int batchSize);

	/**
	 * Hands on what a round took, once its transaction has committed. Nothing by default.
	 */
	protected void afterCommit(List<T> taken) {
	}

	/**
	 * How long the loop pauses after a round, wake-ups or not.
	 * @see LeaderPoller.Round#backOff()
	 */
	protected Duration backOff() {
		return Duration.ZERO;
	}

	/**
	 * Releases what the rounds hand work to, once the loop has stopped. Nothing by
	 * default.
	 */
	protected void afterStop() {
	}

	/**
	 * Runs one round on the caller's thread.
	 * @return what it took: nothing when another instance holds the lock
	 */
	protected final List<T> poll() {
		return poller.poll();
	}

	/** Asks the loop for a round now rather than at its next poll. */
	public final void wakeUp() {
		poller.wakeUp();
	}

	/**
	 * Started after the web server, and stopped only once it has let the requests under
	 * way finish ({@code server.shutdown=graceful}): what they write is still relayed or
	 * dispatched by this instance, not left for the next one to start.
	 */
	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void start() {
		if (enabled) {
			poller.start();
		}
	}

	@Override
	public void stop() {
		poller.stop(patience);
		afterStop();
	}

	@Override
	public boolean isRunning() {
		return poller.isRunning();
	}

}
