package care.parcours.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox. The relay sends an event later, on another thread
 * and maybe in another process, than the request that wrote it: the request's W3C trace
 * context is stored with the event and the relay's producer span continues it, so that a
 * booking is one trace from the gateway to the services that consume its events.
 */
public final class OutboxTracing {

	/** For a service that traces nothing: stores no context, makes no-op spans. */
	public static final OutboxTracing NONE = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);

	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	private final Tracer tracer;

	private final Propagator propagator;

	public OutboxTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The context of the current span, as it is written on the wire; empty if none. */
	StoredContext current() {
		TraceContext context = tracer.currentTraceContext().context();
		if (context == null) {
			return StoredContext.NONE;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(context, carrier, Map::put);
		return new StoredContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
	}

	/**
	 * Starts the span of one send: a child of the stored context, or the root of a new
	 * trace when the event was written outside any.
	 */
	Span startSend(StoredContext stored, String topic, String eventType) {
		Map<String, String> carrier = new HashMap<>();
		if (stored.traceparent() != null) {
			carrier.put(TRACEPARENT, stored.traceparent());
			if (stored.tracestate() != null) {
				carrier.put(TRACESTATE, stored.tracestate());
			}
		}
		Span.Builder builder = carrier.isEmpty() ? tracer.spanBuilder().setNoParent()
				: propagator.extract(carrier, Map::get);
		return builder.name(topic + " send")
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.system", "kafka")
			.tag("messaging.operation", "publish")
			.tag("messaging.destination.name", topic)
			.tag("parcours.event.type", eventType)
			.start();
	}

	/** Writes the span's context on the record, for the consumer to continue. */
	void inject(Span span, Headers headers) {
		propagator.inject(span.context(), headers,
				(carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A W3C trace context as stored in the outbox.
	 *
	 * @param traceparent the {@code traceparent} header value, null when nothing was
	 * traced
	 * @param tracestate the {@code tracestate} header value, when there was one
	 */
	record StoredContext(@Nullable String traceparent, @Nullable String tracestate) {

		static final StoredContext NONE = new StoredContext(null, null);

	}

}
