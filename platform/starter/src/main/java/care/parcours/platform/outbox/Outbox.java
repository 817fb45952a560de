package care.parcours.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import care.parcours.platform.tracing.DeferredTracing;
import care.parcours.platform.tracing.StoredTraceContext;
import care.parcours.platform.web.CorrelationIds;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service publishes its events. Call it inside the transaction that changes the
 * aggregate, after the aggregate is written: the event is stored with that transaction
 * and relayed once it commits, or vanishes with it when it rolls back. The trace context
 * current at that moment is stored with it, for the relay to continue the trace.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final EventCodec codec;

	private final Clock clock;

	private final OutboxRelay relay;

	private final DeferredTracing tracing;

	public Outbox(JdbcClient jdbc, EventCodec codec, Clock clock, OutboxRelay relay, DeferredTracing tracing) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.clock = clock;
		this.relay = relay;
		this.tracing = tracing;
	}

	/**
	 * Records an event of an aggregate.
	 * @param event the payload
	 * @param aggregateId the aggregate's id: the envelope's subject and the Kafka key
	 * @param aggregateVersion the aggregate's version after the change
	 * @return the envelope as it will be published
	 */
	public EventEnvelope publish(DomainEvent event, Object aggregateId, long aggregateVersion) {
		return publish(event, aggregateId, aggregateVersion, null);
	}

	/** Records an event of an aggregate that belongs to a care pathway. */
	public EventEnvelope publish(DomainEvent event, Object aggregateId, long aggregateVersion,
			@Nullable UUID pathwayId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events must be published inside the transaction of their change");
		}
		EventEnvelope envelope = codec.envelope(event, aggregateId.toString(), aggregateVersion, clock.instant(),
				CorrelationIds.current(), pathwayId == null ? null : pathwayId.toString());
		StoredTraceContext trace = tracing.capture();
		jdbc.sql("""
				insert into parcours_platform.outbox_event
				(event_id, topic, message_key, event_type, envelope, traceparent, tracestate)
				values (:id, :topic, :key, :type, :envelope, :traceparent, :tracestate)
				""")
			.param("id", UUID.fromString(envelope.id()))
			.param("topic", EventCatalog.topicOf(event.getClass()))
			.param("key", envelope.subject())
			.param("type", envelope.type())
			.param("envelope", codec.write(envelope))
			.param("traceparent", trace.traceparent())
			.param("tracestate", trace.tracestate())
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
		return envelope;
	}

}
