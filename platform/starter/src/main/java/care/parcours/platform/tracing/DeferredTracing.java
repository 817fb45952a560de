package care.parcours.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace to work done later, on another thread and maybe in another process,
 * than the work that asked for it: the outbox relay's send of an event, the dispatch of a
 * webhook. The context current when the work is recorded is stored with it
 * ({@link #capture()}), and the span of the deferred work continues it
 * ({@link #continueAs}), so that a booking is one trace from the gateway to the services
 * that consume its events and the partners they call.
 */
public final class DeferredTracing {

	/** For a process that traces nothing: captures no context, makes no-op spans. */
	public static final DeferredTracing NONE = new DeferredTracing(Tracer.NOOP, Propagator.NOOP);

	private static final String TRACEPARENT = "traceparent";

	private static final String TRACESTATE = "tracestate";

	private final Tracer tracer;

	private final Propagator propagator;

	public DeferredTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The context of the current span, to store with the deferred work. */
	public StoredTraceContext capture() {
		TraceContext context = tracer.currentTraceContext().context();
		if (context == null) {
			return StoredTraceContext.NONE;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(context, carrier, Map::put);
		return new StoredTraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
	}

	/**
	 * Starts the span of the deferred work: a child of the stored context, or the root of
	 * a new trace when the work was recorded outside any. The caller tags and ends it.
	 */
	public Span continueAs(StoredTraceContext stored, String name, Span.Kind kind) {
		Map<String, String> carrier = new HashMap<>();
		if (stored.traceparent() != null) {
			carrier.put(TRACEPARENT, stored.traceparent());
			if (stored.tracestate() != null) {
				carrier.put(TRACESTATE, stored.tracestate());
			}
		}
		Span.Builder builder = carrier.isEmpty() ? tracer.spanBuilder().setNoParent()
				: propagator.extract(carrier, Map::get);
		return builder.name(name).kind(kind).start();
	}

	/**
	 * Writes the span's context on an outgoing message (Kafka record headers, HTTP
	 * request headers), for the receiver to continue.
	 */
	public <C> void inject(Span span, C carrier, Propagator.Setter<C> setter) {
		propagator.inject(span.context(), carrier, setter);
	}

}
