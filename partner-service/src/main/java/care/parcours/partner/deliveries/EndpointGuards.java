package care.parcours.partner.deliveries;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.stereotype.Component;

/**
 * The Resilience4j bulkhead and circuit breaker of each endpoint, made on first use. The
 * bulkhead bounds the requests in flight to one partner; the circuit stops calling a
 * partner that keeps failing (half its last calls, once it has enough of them) and lets a
 * few calls through after a while to find out whether it is back.
 */
@Component
class EndpointGuards {

	private final CircuitBreakerRegistry breakers;

	private final BulkheadRegistry bulkheads;

	EndpointGuards(DeliveryProperties properties) {
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(Math.max(20, properties.circuitMinimumCalls()))
			.minimumNumberOfCalls(properties.circuitMinimumCalls())
			.failureRateThreshold(50)
			.waitDurationInOpenState(properties.circuitOpenFor())
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrencyPerEndpoint())
			.maxWaitDuration(Duration.ZERO)
			.build());
	}

	Bulkhead bulkhead(UUID endpoint) {
		return bulkheads.bulkhead(endpoint.toString());
	}

	CircuitBreaker circuit(UUID endpoint) {
		return breakers.circuitBreaker(endpoint.toString());
	}

	/** Tells the endpoint's circuit how an attempt it let through ended. */
	void record(CircuitBreaker circuit, AttemptResult result, long startedNanos) {
		long elapsed = System.nanoTime() - startedNanos;
		if (result.succeeded()) {
			circuit.onSuccess(elapsed, TimeUnit.NANOSECONDS);
		}
		else {
			circuit.onError(elapsed, TimeUnit.NANOSECONDS, new DeliveryFailed(result.outcome()));
		}
	}

	/** What a circuit counts as a failure: an attempt that did not end in a 2xx. */
	private static final class DeliveryFailed extends Exception {

		DeliveryFailed(AttemptOutcome outcome) {
			super(outcome.name(), null, false, false);
		}

	}

}
