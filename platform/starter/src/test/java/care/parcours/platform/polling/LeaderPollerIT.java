package care.parcours.platform.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import care.parcours.test.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pollers on a real PostgreSQL database, each as another instance of a service would run
 * it: its own connections, the same lock key.
 */
class LeaderPollerIT {

	private static final long KEY = 0x706f6c6c74657374L;

	private static final Duration NEVER = Duration.ofHours(1);

	private static JdbcClient jdbc;

	private static TransactionTemplate transactions;

	private final List<LeaderPoller<?>> started = new ArrayList<>();

	@BeforeAll
	static void database() {
		TestPostgres.Database database = TestPostgres.createDatabase("LeaderPollerIT");
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		jdbc.sql("create table taken (item int primary key)").update();
	}

	@AfterEach
	void stopPollers() {
		started.forEach(poller -> poller.stop(Duration.ofSeconds(5)));
	}

	@Test
	void whileOneInstanceHoldsTheLockAnotherTakesNothingAndAPollerWithAnotherKeyIsNotHeldUp() throws Exception {
		CountDownLatch inRound = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		LeaderPoller<Integer> first = poller(KEY, NEVER, 10, batch -> {
			inRound.countDown();
			hold(release);
			return List.of(1);
		});
		AtomicInteger secondRounds = new AtomicInteger();
		LeaderPoller<Integer> second = poller(KEY, NEVER, 10, batch -> List.of(secondRounds.incrementAndGet()));
		LeaderPoller<Integer> other = poller(KEY + 1, NEVER, 10, batch -> List.of(7));

		CompletableFuture<List<Integer>> firstRound = CompletableFuture.supplyAsync(first::poll);
		assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(second.poll()).isEmpty();
		assertThat(secondRounds).as("rounds the second instance ran").hasValue(0);
		assertThat(other.poll()).containsExactly(7);
		release.countDown();
		assertThat(firstRound.get(10, TimeUnit.SECONDS)).containsExactly(1);
		assertThat(second.poll()).as("once the first round committed").containsExactly(1);
	}

	@Test
	void aWakeUpStartsARoundLongBeforeThePollInterval() {
		Work work = new Work();
		LeaderPoller<Integer> poller = poller(KEY, NEVER, 10, work::take);
		start(poller);
		await().until(() -> work.rounds.get() == 1);

		work.waiting.add(1);
		poller.wakeUp();

		await().atMost(Duration.ofSeconds(10)).until(() -> work.done.contains(1));
	}

	@Test
	void aFullBatchIsFollowedAtOnceByAnotherRound() {
		Work work = new Work();
		work.waiting.addAll(List.of(1, 2, 3, 4, 5));
		LeaderPoller<Integer> poller = poller(KEY, NEVER, 2, work::take);

		start(poller);

		await().until(() -> work.done.size() == 5);
		assertThat(work.done).containsExactly(1, 2, 3, 4, 5);
		assertThat(work.rounds).as("two full rounds, then one that found less than a batch").hasValue(3);
	}

	@Test
	void aFailedRoundIsTriedAgainAtTheNextPoll() {
		AtomicInteger rounds = new AtomicInteger();
		LeaderPoller<Integer> poller = poller(KEY, Duration.ofMillis(50), 10, batch -> {
			if (rounds.incrementAndGet() == 1) {
				throw new IllegalStateException("the database went away");
			}
			return List.of(rounds.get());
		});

		start(poller);

		await().until(() -> rounds.get() >= 2);
	}

	@Test
	void roundsThatKeepFailingAreTriedLessAndLessOften() {
		AtomicInteger rounds = new AtomicInteger();
		LeaderPoller<Integer> poller = poller(KEY, Duration.ofMillis(50), 10, batch -> {
			rounds.incrementAndGet();
			throw new IllegalStateException("the database went away");
		});
		long started = System.nanoTime();

		start(poller);
		await().until(() -> rounds.get() >= 5);

		// 50, 100, 200 and 400 ms between the five rounds, not 50 each time.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(750));
	}

	@Test
	void whatARoundTookIsHandedOnOnlyOnceItsTransactionCommitted() {
		List<String> seenAfterCommit = new ArrayList<>();
		LeaderPoller<Integer> poller = new LeaderPoller<>(new LeaderPoller.Settings("test-poller", KEY, NEVER, 10),
				jdbc, transactions, new LeaderPoller.Round<>() {
					@Override
					public List<Integer> takeUnderLock(int batchSize) {
						jdbc.sql("insert into taken (item) values (42)").update();
						return List.of(42);
					}

					@Override
					public void afterCommit(List<Integer> taken) {
						seenAfterCommit
							.add("in transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
						seenAfterCommit.add("rows: "
								+ jdbc.sql("select count(*) from taken where item = 42").query(Long.class).single());
					}
				});

		assertThat(poller.poll()).containsExactly(42);
		assertThat(seenAfterCommit).containsExactly("in transaction: false", "rows: 1");
	}

	@Test
	void stoppingLetsTheRoundUnderWayFinishAndStartsNoOther() throws Exception {
		CountDownLatch inRound = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger finished = new AtomicInteger();
		LeaderPoller<Integer> poller = poller(KEY, Duration.ofMillis(10), 10, batch -> {
			inRound.countDown();
			hold(release);
			return List.of(finished.incrementAndGet());
		});
		start(poller);
		assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> poller.stop(Duration.ofSeconds(10)));
		await().until(() -> !poller.isRunning());
		release.countDown();
		stopped.get(10, TimeUnit.SECONDS);

		assertThat(finished).as("the round under way, finished before stop returned").hasValue(1);
		poller.wakeUp();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> finished.get() == 1);
	}

	private LeaderPoller<Integer> poller(long key, Duration pollInterval, int batchSize,
			IntFunction<List<Integer>> take) {
		return new LeaderPoller<>(new LeaderPoller.Settings("test-poller", key, pollInterval, batchSize), jdbc,
				transactions, take::apply);
	}

	private void start(LeaderPoller<?> poller) {
		started.add(poller);
		poller.start();
	}

	/** Items waiting in a queue, those rounds took, and how many rounds ran. */
	private static final class Work {

		final Queue<Integer> waiting = new ConcurrentLinkedQueue<>();

		final Queue<Integer> done = new ConcurrentLinkedQueue<>();

		final AtomicInteger rounds = new AtomicInteger();

		List<Integer> take(int batch) {
			rounds.incrementAndGet();
			List<Integer> taken = new ArrayList<>();
			while (taken.size() < batch && !waiting.isEmpty()) {
				taken.add(waiting.remove());
			}
			done.addAll(taken);
			return taken;
		}

	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
