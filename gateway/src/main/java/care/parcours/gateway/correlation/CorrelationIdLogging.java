package care.parcours.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;

/**
 * Copies the correlation id from the Reactor context into the logging context (MDC) on
 * whichever thread runs the request next. Relies on
 * {@code spring.reactor.context-propagation=auto}: a reactive request hops between event
 * loop threads, so a thread-local set once at the start would be lost or, worse, leak
 * into another request.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdLogging {

	CorrelationIdLogging() {
		// Registering again under the same key replaces the accessor: safe for several
		// application contexts in one JVM, as in tests.
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(CorrelationId.KEY, () -> MDC.get(CorrelationId.KEY),
					(value) -> MDC.put(CorrelationId.KEY, value), () -> MDC.remove(CorrelationId.KEY));
	}

}
