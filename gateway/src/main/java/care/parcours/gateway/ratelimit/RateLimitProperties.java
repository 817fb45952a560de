package care.parcours.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param api the bucket of each client (client credentials) or user on API routes, and of
 * each remote address on public routes
 * @param login the stricter bucket of each remote address on {@code /oauth2/token} and
 * {@code /login}, where passwords and client secrets are tried
 * @param keyPrefix put before every Redis key, so that environments (or test runs)
 * sharing a Redis do not share buckets
 * @param redisTimeout how long a request waits for Redis before it is let through
 * unchecked
 * @param implementation ours, or Spring Cloud Gateway's built-in filter with the same
 * policies, kept to be measured against ours (docs/adr/0003)
 */
@ConfigurationProperties("parcours.gateway.rate-limits")
record RateLimitProperties(Bucket api, Bucket login, @DefaultValue("parcours:rate-limit") String keyPrefix,
		@DefaultValue("250ms") Duration redisTimeout, @DefaultValue("ours") Implementation implementation) {

	enum Implementation {

		/** {@link TokenBuckets}. */
		OURS,

		/** {@link BuiltInRateLimiter}. */
		SPRING

	}

	Bucket bucket(Policy policy) {
		return switch (policy) {
			case API -> this.api;
			case LOGIN -> this.login;
		};
	}

	/**
	 * A token bucket: it holds at most {@code burstCapacity} tokens, refills
	 * {@code replenishRate} tokens a second and each request takes
	 * {@code requestedTokens}; a rate below one request a second is a rate of 1 with
	 * several tokens per request (1 and 60: one request a minute).
	 */
	record Bucket(int replenishRate, int burstCapacity, @DefaultValue("1") int requestedTokens) {

		Bucket {
			if (replenishRate < 1 || burstCapacity < 1 || requestedTokens < 1 || requestedTokens > burstCapacity) {
				throw new IllegalArgumentException("A rate limit needs a replenish rate and burst capacity of at least"
						+ " 1 and no more tokens per request than its burst capacity");
			}
		}

		/** Seconds until an empty bucket holds enough tokens for one request. */
		long retryAfterSeconds() {
			return Math.ceilDiv(this.requestedTokens, this.replenishRate);
		}

	}

}
