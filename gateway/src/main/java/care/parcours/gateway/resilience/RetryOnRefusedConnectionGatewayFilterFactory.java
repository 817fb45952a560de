package care.parcours.gateway.resilience;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code RetryOnRefusedConnection}: tries a GET once more when the service refused the
 * connection. Nothing reached the service then, so the retry cannot repeat work; anything
 * else, a late or broken answer or a write, is never retried. Nor is a connect timeout: a
 * host that did not answer within the connect timeout will not answer the second time,
 * and waiting for it twice would delay the 503 past two seconds.
 * <p>
 * Not the built-in {@code Retry} filter: that one buffers the body of every request on
 * its route, writes and uploads included, so that it could resend them.
 * <p>
 * On an {@code lb://} route the retry goes through the load balancer again, which passes
 * over the instance that refused (see the {@code balancing} package): a read refused by a
 * stopped instance is answered by another.
 * <p>
 * Put it before {@code CircuitBreaker} in a route's filters, so that each attempt counts
 * for the breaker and an open breaker is not retried.
 */
@Component
class RetryOnRefusedConnectionGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	// One retry, soon: a restarting instance or a connection that lost a race is
	// worth one more try; a service that is down is reported within a second.
	private static final long MAX_RETRIES = 1;

	private static final Duration BACKOFF = Duration.ofMillis(100);

	RetryOnRefusedConnectionGatewayFilterFactory() {
		super(Object.class);
	}

	@Override
	public GatewayFilter apply(Object config) {
		return (exchange, chain) -> {
			if (!HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
				return chain.filter(exchange);
			}
			Retry retry = Retry.fixedDelay(MAX_RETRIES, BACKOFF)
				.filter(RetryOnRefusedConnectionGatewayFilterFactory::isRefusedConnection)
				// Forget the failed attempt, or routing would consider it done.
				.doBeforeRetry((signal) -> ServerWebExchangeUtils.reset(exchange))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure());
			return Mono.defer(() -> chain.filter(exchange)).retryWhen(retry);
		};
	}

	static boolean isRefusedConnection(Throwable error) {
		return RefusedConnections.isRefusedConnection(error);
	}

}
