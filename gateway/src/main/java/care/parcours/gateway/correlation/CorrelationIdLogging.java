package care.parcours.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;

/**
 * Lets the correlation id in the Reactor context be restored into the logging context
 * (MDC) where a pipeline asks for it ({@code tap}, {@code handle},
 * {@code contextCapture}): a reactive request hops between event loop threads, so a
 * thread-local set once at the start would be lost or, worse, leak into another request.
 * Not restored around every operator
 * ({@code spring.reactor.context-propagation=limited}): that costs every request for the
 * few that log.
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
