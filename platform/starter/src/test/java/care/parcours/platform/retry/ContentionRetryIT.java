package care.parcours.platform.retry;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import care.parcours.test.RivalTransaction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that PostgreSQL aborts as a deadlock is tried again in a fresh transaction,
 * and takes effect once; one that keeps being aborted answers 503 busy. The deadlock is
 * made on purpose, every time, by a transaction of the test (see
 * {@link RivalTransaction}): it holds the second of the two things the command changes,
 * then waits for the first, which the command holds. The outbox is not relayed here, so
 * that it shows every event a committed transaction wrote; every session waits three
 * seconds, not one, before it looks for a deadlock, so that a loaded machine still lets
 * the test close the cycle in time.
 */
@ParcoursTest(classes = TestApplication.class, properties = { "parcours.outbox.enabled=false",
		"spring.datasource.hikari.connection-init-sql=set deadlock_timeout = '3s'" })
class ContentionRetryIT {

	private static final String LOCK = "update thing set name = name where id = ?";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Things things;

	@Value("${parcours.contention-retry.max-retries}")
	int maxRetries;

	private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

	private UUID first;

	private UUID second;

	@BeforeEach
	void twoThings() {
		first = things.create(UUID.randomUUID(), "first", "SMALL").id();
		second = things.create(UUID.randomUUID(), "second", "SMALL").id();
	}

	@AfterEach
	void stop() {
		clients.close();
	}

	@Test
	void aChangeAbortedAsADeadlockIsTriedAgainInAFreshTransactionAndTakesEffectOnce() throws Exception {
		CompletableFuture<RestTestClient.ResponseSpec> change;
		boolean triedAgain;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(LOCK, second);
			change = changeBoth(null);
			rival.awaitWaiter();
			rival.deadlockAndUndo(LOCK, first);
			triedAgain = rival.awaitWaiterOr(change::isDone);
			rival.rollback();
		}

		change.get().expectStatus().isOk().expectBody().json("""
				{"first": 1, "second": 1}""");
		assertThat(triedAgain).as("the change was tried again after the deadlock").isTrue();
		assertThat(versionsInOutbox(first)).as("events of the first thing").containsExactly(0L, 1L);
		assertThat(versionsInOutbox(second)).as("events of the second thing").containsExactly(0L, 1L);
	}

	@Test
	void anIdempotentChangeAbortedAsADeadlockTakesEffectOnceAndItsRetryGetsTheFirstAnswer() throws Exception {
		String key = "deadlock-" + UUID.randomUUID();
		CompletableFuture<RestTestClient.ResponseSpec> change;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(LOCK, second);
			change = changeBoth(key);
			rival.awaitWaiter();
			rival.deadlockAndUndo(LOCK, first);
			rival.awaitWaiterOr(change::isDone);
			rival.rollback();
		}

		String answer = change.get().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		changeBoth(key).get()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(IdempotentRequests.REPLAYED, "true")
			.expectBody()
			.json(answer);
		assertThat(things.get(first).version()).isEqualTo(1);
		assertThat(things.get(second).version()).isEqualTo(1);
		assertThat(versionsInOutbox(first)).containsExactly(0L, 1L);
		assertThat(versionsInOutbox(second)).containsExactly(0L, 1L);
	}

	@Test
	void aChangeThatKeepsBeingAbortedAsADeadlockAnswersBusyAndChangesNothing() throws Exception {
		CompletableFuture<RestTestClient.ResponseSpec> change;
		int deadlocks = 0;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			rival.execute(LOCK, second);
			change = changeBoth(null);
			while (deadlocks <= maxRetries + 1 && rival.awaitWaiterOr(change::isDone)) {
				rival.deadlockAndUndo(LOCK, first);
				deadlocks++;
			}
			rival.rollback();
		}

		change.get()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/busy");
		assertThat(deadlocks).as("the first attempt and every retry").isEqualTo(maxRetries + 1);
		assertThat(things.get(first).version()).isZero();
		assertThat(versionsInOutbox(first)).containsExactly(0L);
		assertThat(versionsInOutbox(second)).containsExactly(0L);
	}

	private CompletableFuture<RestTestClient.ResponseSpec> changeBoth(@Nullable String key) {
		return CompletableFuture
			.supplyAsync(() -> http.post().uri("/things/{id}/with/{other}", first, second).headers((headers) -> {
				if (key != null) {
					headers.set(IdempotentRequests.HEADER, key);
				}
			}).exchange(), clients);
	}

	/** The aggregate versions of the events about a thing, in the order written. */
	private List<Long> versionsInOutbox(UUID thing) {
		return jdbc.sql("""
				select (envelope::jsonb ->> 'aggregateVersion')::bigint from parcours_platform.outbox_event
				where message_key = ? order by position
				""").param(thing.toString()).query(Long.class).list();
	}

}
