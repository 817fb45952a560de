package care.parcours.platform.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A loop, on a virtual thread of its own, that takes work from the database in rounds,
 * one instance of a service at a time.
 * <p>
 * Each round runs in a transaction that first tries a PostgreSQL advisory lock: the
 * instance that gets it takes up to a batch of work, the others take nothing this round;
 * the lock is released with the transaction, so no instance holds it while it waits.
 * After a full batch the next round starts at once; otherwise the loop waits for a
 * {@link #wakeUp() wake-up} (news written by this instance) or the poll interval (news
 * from another instance, or left over from before a restart). Bounding the work is the
 * round's business: it takes at most a batch, and whatever it hands on after commit is
 * limited by what it took.
 * <p>
 * A round that could not do its work (the broker or a partner away) can ask for a
 * {@link Round#backOff() pause}, during which wake-ups are ignored: a service writing
 * events at full speed would otherwise wake it into a tight loop of failing rounds. A
 * round that throws (the database away) is followed by such a pause too: the poll
 * interval, doubled after each further failure up to 30 s, with one warning per series.
 *
 * @param <T> what a round takes
 */
public final class LeaderPoller<T> {

	private static final Logger log = LoggerFactory.getLogger(LeaderPoller.class);

	/** The longest pause after rounds that failed. */
	private static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(30);

	private final Settings settings;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Round<T> round;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread loop;

	/**
	 * @param round the work of one round
	 */
	public LeaderPoller(Settings settings, JdbcClient jdbc, TransactionTemplate transactions, Round<T> round) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.round = round;
	}

	/**
	 * How a poller runs.
	 *
	 * @param name the loop's thread name, and how its log lines call it
	 * @param lockKey the advisory lock: the same for every instance of the service, and
	 * different from any other poller's on the same database
	 * @param pollInterval how long the loop waits for a wake-up before it looks anyway
	 * @param batchSize the most a round takes: a round that took fewer found no more
	 */
	public record Settings(String name, long lockKey, Duration pollInterval, int batchSize) {

	}

	/** The work of one round. */
	public interface Round<T> {

		/**
		 * Takes up to a batch of work, in the round's transaction, while this instance
		 * holds the lock.
		 * @param batchSize the most to take
		 * @return what was taken
		 */
		List<T> takeUnderLock(int batchSize);

		/**
		 * Hands on what a round took, once its transaction has committed (to workers, for
		 * instance). Nothing by default.
		 */
		default void afterCommit(List<T> taken) {
		}

		/**
		 * How long the loop waits, whatever wakes it, before the next round: asked after
		 * every round, failed or not. None by default.
		 */
		default Duration backOff() {
			return Duration.ZERO;
		}

	}

	/**
	 * Runs one round on the caller's thread.
	 * @return what it took: nothing when another instance holds the lock
	 */
	public List<T> poll() {
		List<T> taken = transactions.execute(status -> {
			boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(settings.lockKey())
				.query(Boolean.class)
				.single();
			return leader ? round.takeUnderLock(settings.batchSize()) : List.<T>of();
		});
		List<T> committed = (taken == null) ? List.of() : taken;
		if (!committed.isEmpty()) {
			round.afterCommit(committed);
		}
		return committed;
	}

	/** Asks the loop for a round now rather than at its next poll. */
	public void wakeUp() {
		wakeUps.release();
	}

	/** Starts the loop, unless it runs already. */
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		loop = Thread.ofVirtual().name(settings.name()).start(this::run);
	}

	/**
	 * Stops the loop: the round under way, if any, is let finish.
	 * @param patience how long to wait for that round
	 */
	public void stop(Duration patience) {
		running = false;
		wakeUps.release();
		Thread thread = loop;
		if (thread != null) {
			try {
				thread.join(patience);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	public boolean isRunning() {
		return running;
	}

	private void run() {
		int failed = 0;
		while (running) {
			wakeUps.drainPermits();
			int taken;
			try {
				taken = poll().size();
				if (failed > 0) {
					log.info("{} works again, after {} failed rounds", settings.name(), failed);
					failed = 0;
				}
			}
			catch (RuntimeException ex) {
				// The database away, say: one warning with its cause, not one a round.
				if (failed++ == 0) {
					log.warn("{} failed; will retry, less and less often while it fails", settings.name(), ex);
				}
				else {
					log.debug("{} failed again ({} rounds)", settings.name(), failed, ex);
				}
				taken = 0;
			}
			try {
				Duration backOff = longer(round.backOff(), afterFailures(failed));
				if (backOff.isPositive()) {
					pause(backOff);
				}
				else if (taken < settings.batchSize()) {
					wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * The poll interval after a failed round, doubled after each further one up to
	 * {@link #MAX_FAILURE_BACKOFF}: nothing after none.
	 */
	private Duration afterFailures(int failed) {
		if (failed == 0) {
			return Duration.ZERO;
		}
		Duration backOff = settings.pollInterval().multipliedBy(1L << Math.min(failed - 1, 16));
		return longer(Duration.ZERO, backOff.compareTo(MAX_FAILURE_BACKOFF) > 0 ? MAX_FAILURE_BACKOFF : backOff);
	}

	private static Duration longer(Duration one, Duration other) {
		return one.compareTo(other) >= 0 ? one : other;
	}

	/** Waits, through wake-ups, unless the loop is stopped meanwhile. */
	private void pause(Duration backOff) throws InterruptedException {
		long until = System.nanoTime() + backOff.toNanos();
		long left;
		while (running && (left = until - System.nanoTime()) > 0) {
			wakeUps.tryAcquire(left, TimeUnit.NANOSECONDS);
		}
	}

}
