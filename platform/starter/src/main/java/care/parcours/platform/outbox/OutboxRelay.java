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

	private final JdbcClient jdbc;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final Counter relayed;

	private final Timer delay;

	private final DeferredTracing tracing;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, MeterRegistry meters, DeferredTracing tracing) {
		super(new LeaderPoller.Settings("outbox-relay", LOCK_KEY, properties.pollInterval(), properties.batchSize()),
				jdbc, transactions, properties.enabled(), properties.sendTimeout().plusSeconds(1));
		this.jdbc = jdbc;
		this.kafka = kafka;
		this.properties = properties;
		this.tracing = tracing;
		this.relayed = Counter.builder("parcours.outbox.relayed")
			.description("Events relayed from the outbox to Kafka")
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
	 */
	@Override
	protected List<Long> takeUnderLock(int batchSize) {
		List<Row> rows = jdbc.sql("""
				select position, topic, message_key, event_type, envelope, created_at, traceparent, tracestate
				from parcours_platform.outbox_event order by position limit :limit
				""").param("limit", batchSize).query(Row.class).list();
		List<Long> sent = send(rows);
		if (!sent.isEmpty()) {
			jdbc.sql("delete from parcours_platform.outbox_event where position = any(:positions)")
				.param("positions", sent.toArray(Long[]::new))
				.update();
		}
		return sent;
	}

	/**
	 * Sends rows in order; returns the positions of the acknowledged prefix. Each send is
	 * a producer span in the trace of the request that wrote the row, and its context
	 * goes on the record for the consumers.
	 */
	private List<Long> send(List<Row> rows) {
		List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
		List<Span> spans = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Span span = tracing.continueAs(row.trace(), row.topic() + " send", Span.Kind.PRODUCER)
				.tag("messaging.system", "kafka")
				.tag("messaging.operation", "publish")
				.tag("messaging.destination.name", row.topic())
				.tag("parcours.event.type", row.eventType());
			spans.add(span);
			ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.envelope());
			tracing.inject(span, record.headers(),
					(headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
			sends.add(kafka.send(record));
		}
		List<Long> acknowledged = new ArrayList<>(rows.size());
		try {
			for (int i = 0; i < rows.size(); i++) {
				try {
					sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (ExecutionException | TimeoutException ex) {
					// Stop at the first failure: what follows is sent again, after it,
					// next time.
					log.warn("Kafka did not acknowledge outbox event at position {}; will retry",
							rows.get(i).position(), ex);
					spans.get(i).error(ex);
					break;
				}
				acknowledged.add(rows.get(i).position());
				delay.record(Duration.between(rows.get(i).createdAt().toInstant(), Instant.now()));
			}
		}
		finally {
			spans.forEach(Span::end);
		}
		relayed.increment(acknowledged.size());
		return acknowledged;
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

	/** Closes the producer once the relay, its only user here, has stopped. */
	@Override
	protected void afterStop() {
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
