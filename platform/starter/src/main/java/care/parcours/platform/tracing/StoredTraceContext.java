package care.parcours.platform.tracing;

import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context as stored with deferred work: the header values as they are written
 * on the wire.
 *
 * @param traceparent the {@code traceparent} value, null when nothing was traced
 * @param tracestate the {@code tracestate} value, when there was one
 */
public record StoredTraceContext(@Nullable String traceparent, @Nullable String tracestate) {

	/** No trace: work continued from it starts a trace of its own. */
	public static final StoredTraceContext NONE = new StoredTraceContext(null, null);

}
