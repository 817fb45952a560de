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
 * from another instance, or left over from before a restart). A round that fails is
 * logged and tried again at the next one. Bounding the work is the round's business: it
 * takes at most a batch, and whatever it hands on after commit is limited by what it
 * took.
 *
 * @param <T> what a round takes
 */
public final class LeaderPoller<T> {

	private static final Logger log = LoggerFactory.getLogger(LeaderPoller.class);

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
		while (running) {
			wakeUps.drainPermits();
			int taken;
			try {
				taken = poll().size();
			}
			catch (RuntimeException ex) {
				log.warn("{} failed; will retry", settings.name(), ex);
				taken = 0;
			}
			try {
				Duration backOff = round.backOff();
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

	/** Waits, through wake-ups, unless the loop is stopped meanwhile. */
	private void pause(Duration backOff) throws InterruptedException {
		long until = System.nanoTime() + backOff.toNanos();
		long left;
		while (running && (left = until - System.nanoTime()) > 0) {
			wakeUps.tryAcquire(left, TimeUnit.NANOSECONDS);
		}
	}

}
