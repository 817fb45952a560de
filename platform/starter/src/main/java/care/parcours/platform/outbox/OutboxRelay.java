package care.parcours.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import care.parcours.platform.polling.LeaderPoller;
import care.parcours.platform.polling.PollingLifecycle;
import care.parcours.platform.tracing.DeferredTracing;
import care.parcours.platform.tracing.StoredTraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to Kafka and deletes them once the broker has acknowledged
 * them.
 * <p>
 * One relay at a time works on a database: each batch runs in a transaction holding a
 * PostgreSQL advisory lock (see {@link LeaderPoller}), so two instances of a service
 * never interleave an aggregate's events. Rows go out in the order they were written,
 * keyed by aggregate id, through an idempotent producer: per aggregate they arrive in
 * order. A crash anywhere before the delete commits leaves the rows in place and they are
 * sent again: at least once, never lost.
 */
public class OutboxRelay extends PollingLifecycle<Long> {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/**
	 * Any constant will do, as long as it is the same for every instance of the service.
	 */
	private static final long LOCK_KEY = 0x7061726f75747278L;

	/** At most so many batches are relayed at shutdown, once the loop has stopped. */
	private static final int FINAL_ROUNDS = 10;

	private final JdbcClient jdbc;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final Counter relayed;

	private final Counter failures;

	/**
	 * Rounds in a row the broker did not acknowledge; only the relay's loop writes it.
	 */
	private volatile int failedRounds;

	private final Timer delay;

	private final DeferredTracing tracing;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, MeterRegistry meters, DeferredTracing tracing) {
		super(new LeaderPoller.Settings("outbox-relay", LOCK_KEY, properties.pollInterval(), properties.batchSize()),
				jdbc, transactions, properties.enabled(), properties.sendTimeout().plusSeconds(3));
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.properties = properties;
		this.tracing = tracing;
		this.relayed = Counter.builder("parcours.outbox.relayed")
			.description("Events relayed from the outbox to Kafka")
			.register(meters);
		this.failures = Counter.builder("parcours.outbox.failures")
			.description("Relay rounds whose oldest event the broker did not acknowledge (broker away, event refused)")
			.register(meters);
		this.delay = Timer.builder("parcours.outbox.delay")
			.description("Time from commit to broker acknowledgement")
			.register(meters);
		Gauge.builder("parcours.outbox.pending", this, OutboxRelay::pendingOrNaN)
			.description("Events written but not yet relayed")
			.register(meters);
		// The backlog's size says little on its own: a hundred events relayed every
		// second
		// are fine, one stuck for minutes is not. Its age is what an alert can watch.
		Gauge.builder("parcours.outbox.oldest.age", this, OutboxRelay::oldestAgeOrNaN)
			.description("Age of the oldest event written but not yet relayed; 0 when none waits")
			.baseUnit("seconds")
			.register(meters);
	}

	/**
	 * Relays one batch if this instance holds the relay lock.
	 * @return how many events the broker acknowledged and were removed from the outbox
	 */
	public int relayBatch() {
		return poll().size();
	}

	/**
	 * Sends the oldest rows and deletes those the broker acknowledged: their positions.
	 * After a failure only the oldest row is sent, as a probe, until the broker takes it:
	 * the rows behind it would fail the same way, and each copy handed to the producer
	 * would wait in its buffer to be sent again with the next one.
	 */
	@Override
	protected List<Long> takeUnderLock(int batchSize) {
		List<Row> rows = jdbc.sql("""
				select position, topic, message_key, event_type, envelope, created_at, traceparent, tracestate
				from parcours_platform.outbox_event order by position limit :limit
				""").param("limit", failedRounds > 0 ? 1 : batchSize).query(Row.class).list();
		List<Long> sent = send(rows);
		if (!sent.isEmpty()) {
			jdbc.sql("delete from parcours_platform.outbox_event where position = any(:positions)")
				.param("positions", sent.toArray(Long[]::new))
				.update();
		}
		return sent;
	}

	/**
	 * A pause after each round the broker did not acknowledge, doubled each time up to
	 * the maximum: the writes of the service wake the relay at every commit, and would
	 * otherwise have it fail round after round.
	 */
	@Override
	protected Duration backOff() {
		int failed = failedRounds;
		return (failed == 0) ? Duration.ZERO : backOffAfter(failed);
	}

	/**
	 * Sends rows in order; returns the positions of the acknowledged prefix. Each send is
	 * a producer span in the trace of the request that wrote the row, and its context
	 * goes on the record for the consumers. The relay waits for the outcome of every
	 * record it handed over, acknowledged or failed, so that none is left in the
	 * producer's buffer to be sent again behind the copy of the next round.
	 */
	private List<Long> send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
		List<Span> spans = new ArrayList<>(rows.size());
		try {
			for (Row row : rows) {
				CompletableFuture<SendResult<String, String>> sent = send(row, spans);
				sends.add(sent);
				if (sent.isCompletedExceptionally()) {
					// Refused before it left (no metadata in time, too large): the rows
					// behind it would wait as long each, for nothing.
					break;
				}
			}
			return acknowledgedPrefix(rows, sends, spans);
		}
		finally {
			spans.forEach(Span::end);
		}
	}

	private CompletableFuture<SendResult<String, String>> send(Row row, List<Span> spans) {
		Span span = tracing.continueAs(row.trace(), row.topic() + " send", Span.Kind.PRODUCER)
			.tag("messaging.system", "kafka")
			.tag("messaging.operation", "publish")
			.tag("messaging.destination.name", row.topic())
			.tag("parcours.event.type", row.eventType());
		spans.add(span);
		ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.envelope());
		tracing.inject(span, record.headers(),
				(headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
		try {
			return kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private List<Long> acknowledgedPrefix(List<Row> rows, List<CompletableFuture<SendResult<String, String>>> sends,
			List<Span> spans) {
		// The producer settles every record within its delivery timeout, the send
		// timeout; the margin covers the callbacks.
		long deadline = System.nanoTime() + properties.sendTimeout().plusSeconds(2).toNanos();
		List<Long> acknowledged = new ArrayList<>(rows.size());
		@Nullable Throwable failure = null;
		for (int i = 0; i < sends.size(); i++) {
			try {
				sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (failure == null) {
					acknowledged.add(rows.get(i).position());
					delay.record(Duration.between(rows.get(i).createdAt().toInstant(), Instant.now()));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = (failure == null) ? ex : failure;
				break;
			}
			catch (ExecutionException | TimeoutException ex) {
				// What follows the first failure is sent again, after it, next time.
				Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
				spans.get(i).error(cause);
				failure = (failure == null) ? cause : failure;
			}
		}
		relayed.increment(acknowledged.size());
		if (failure != null) {
			failed(rows.get(acknowledged.size()).position(), failure);
		}
		else if (!rows.isEmpty()) {
			recovered();
		}
		return acknowledged;
	}

	/**
	 * One warning per outage, not per round: the backlog and its age are what to watch
	 * meanwhile.
	 */
	private void failed(long position, Throwable failure) {
		failures.increment();
		if (failedRounds++ == 0) {
			log.warn(
					"Kafka did not acknowledge outbox event at position {} ({}); the relay tries again after {}, "
							+ "sending one event until the broker takes it",
					position, describe(failure), backOffAfter(1));
		}
		else {
			log.debug("Kafka still does not acknowledge outbox event at position {} ({})", position, describe(failure));
		}
	}

	private void recovered() {
		if (failedRounds > 0) {
			log.info("Kafka acknowledges outbox events again, after {} failed rounds", failedRounds);
			failedRounds = 0;
		}
	}

	private Duration backOffAfter(int failed) {
		Duration backOff = properties.retryBackoff().multipliedBy(1L << Math.min(failed - 1, 20));
		return backOff.compareTo(properties.maxRetryBackoff()) > 0 ? properties.maxRetryBackoff() : backOff;
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private double pendingOrNaN() {
		try {
			return jdbc.sql("select count(*) from parcours_platform.outbox_event").query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Seconds since the oldest waiting row was written, by the database's clock, which
	 * wrote it: the first by position, through the primary key, without scanning the
	 * backlog.
	 */
	private double oldestAgeOrNaN() {
		try {
			return jdbc.sql("""
					select coalesce(extract(epoch from statement_timestamp() - min(created_at)), 0)
					from (select created_at from parcours_platform.outbox_event order by position limit 1) oldest
					""").query(Double.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Relays what the last requests wrote (the web server let them finish before the
	 * relay stops), then closes the producer, of which the relay is the only user. Rows
	 * the broker does not take now wait in the outbox for the next start.
	 */
	@Override
	protected void afterStop() {
		if (properties.enabled() && failedRounds == 0) {
			try {
				int rounds = 0;
				while (relayBatch() == properties.batchSize() && ++rounds < FINAL_ROUNDS) {
					// a full batch: there may be more
				}
			}
			catch (RuntimeException ex) {
				log.warn("Outbox events left for the next start: {}", describe(ex));
			}
		}
		if (kafka.getProducerFactory() instanceof DisposableBean producers) {
			try {
				producers.destroy();
			}
			catch (Exception ex) {
				log.debug("Kafka producer did not close cleanly", ex);
			}
		}
	}

	private record Row(long position, String topic, String messageKey, String eventType, String envelope,
			OffsetDateTime createdAt, @Nullable String traceparent, @Nullable String tracestate) {

		StoredTraceContext trace() {
			return new StoredTraceContext(traceparent, tracestate);
		}

	}

}
