package care.parcours.gateway.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import care.parcours.gateway.problem.RequestRefused;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Spring Cloud Gateway's own {@code RequestRateLimiter} with its
 * {@code RedisRateLimiter}, run with our policies
 * ({@code parcours.gateway.rate-limits.implementation=spring}): a measured alternative to
 * {@link TokenBuckets}, for the gateway-overhead benchmark to compare (docs/adr/0003).
 * Same buckets per caller and policy, same rates; the built-in filter's 429 is turned
 * into our problem with {@code Retry-After}. Unlike ours, it waits for Redis on every
 * request and has no timeout of its own beyond Lettuce's.
 */
final class BuiltInRateLimiter {

	private final Map<Policy, GatewayFilter> filters = new EnumMap<>(Policy.class);

	BuiltInRateLimiter(RateLimitProperties properties, ApplicationContext context) {
		for (Policy policy : Policy.values()) {
			RateLimitProperties.Bucket bucket = properties.bucket(policy);
			RedisRateLimiter limiter = new RedisRateLimiter(bucket.replenishRate(), bucket.burstCapacity(),
					bucket.requestedTokens());
			limiter.setApplicationContext(context);
			KeyResolver keys = (exchange) -> RateLimitKey.of(policy, exchange)
				.map((key) -> properties.keyPrefix() + ":" + key.value());
			// The route id is part of the built-in limiter's Redis key: the policy's name
			// makes it one bucket per caller across the policy's routes, as ours.
			RequestRateLimiterGatewayFilterFactory.Config config = new RequestRateLimiterGatewayFilterFactory.Config()
				.setRateLimiter(limiter)
				.setKeyResolver(keys)
				.setThrowOnLimit(true);
			config.setRouteId(policy.key());
			this.filters.put(policy, new RequestRateLimiterGatewayFilterFactory(limiter, keys).apply(config));
		}
	}

	/** The built-in filter for the policy, refusing with {@code refused}. */
	GatewayFilter filter(Policy policy, Supplier<RequestRefused> refused) {
		GatewayFilter builtIn = this.filters.get(policy);
		return (exchange, chain) -> builtIn.filter(exchange, chain)
			.onErrorMap(HttpClientErrorException.TooManyRequests.class, (tooMany) -> refused.get());
	}

}
