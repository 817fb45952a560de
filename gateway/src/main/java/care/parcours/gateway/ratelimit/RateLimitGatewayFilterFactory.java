package care.parcours.gateway.ratelimit;

import java.util.List;
import java.util.function.Supplier;

import care.parcours.gateway.problem.RequestRefused;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code RateLimit=api} or {@code RateLimit=login}: takes a token from the caller's
 * bucket of that policy, or refuses with 429 and {@code Retry-After}. Not the built-in
 * {@code RequestRateLimiter}: with the same policies, on busy cores, it added 2.5 ms more
 * at p50 and more CPU per request (docs/adr/0003). Put it first in a route's filters, so
 * that a retried attempt is not counted twice. With
 * {@code parcours.gateway.rate-limits.implementation=spring}, the same policies go
 * through the built-in filter instead ({@link BuiltInRateLimiter}), to be measured
 * against ours.
 */
@Component
class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<AbstractGatewayFilterFactory.NameConfig> {

	private final TokenBuckets buckets;

	private final RateLimitProperties properties;

	private final @Nullable BuiltInRateLimiter builtIn;

	RateLimitGatewayFilterFactory(TokenBuckets buckets, RateLimitProperties properties, ApplicationContext context) {
		super(NameConfig.class);
		this.buckets = buckets;
		this.properties = properties;
		this.builtIn = properties.implementation() == RateLimitProperties.Implementation.SPRING
				? new BuiltInRateLimiter(properties, context) : null;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of(NAME_KEY);
	}

	@Override
	public GatewayFilter apply(NameConfig config) {
		Policy policy = Policy.named(config.getName());
		Supplier<RequestRefused> refused = refusal(policy);
		if (this.builtIn != null) {
			return this.builtIn.filter(policy, refused);
		}
		return (exchange, chain) -> RateLimitKey.of(policy, exchange)
			.flatMap((key) -> this.buckets.take(policy, key))
			.publishOn(RequestThreads.of(exchange))
			.flatMap((allowed) -> allowed ? chain.filter(exchange) : Mono.error(refused.get()));
	}

	/** The 429 of a policy, made anew for each refused request. */
	private Supplier<RequestRefused> refusal(Policy policy) {
		String retryAfter = Long.toString(this.properties.bucket(policy).retryAfterSeconds());
		return () -> RequestRefused
			.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
					"Too many requests. Try again in " + retryAfter + " s.")
			.withHeaders((headers) -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
	}

}
