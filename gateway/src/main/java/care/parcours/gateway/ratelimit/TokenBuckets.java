package care.parcours.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The token buckets, in Redis so that every gateway instance draws from the same ones.
 * Runs Spring Cloud Gateway's own bucket script (one atomic round trip, Redis' clock),
 * but decides itself what happens when Redis is out of reach: the request goes through
 * unchecked. Refusing everyone because the limiter is down would turn a Redis outage into
 * a platform outage; the services still authenticate and authorise every call. Each
 * unchecked request counts in {@code parcours_gateway_rate_limit_unchecked_total}, which
 * an alert watches, and the outage is logged once when it starts and once when it ends.
 */
@Component
class TokenBuckets {

	private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);

	private static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

	private final ReactiveStringRedisTemplate redis;

	private final RedisScript<List<Long>> script;

	private final RateLimitProperties properties;

	private final Counter unchecked;

	private final MeterRegistry meters;

	private final AtomicBoolean redisDown = new AtomicBoolean();

	private final KnownHeadroom headroom = new KnownHeadroom();

	TokenBuckets(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
		this.redis = redis;
		this.script = bucketScript();
		this.properties = properties;
		this.meters = meters;
		this.unchecked = Counter.builder("parcours.gateway.rate.limit.unchecked")
			.description("Requests let through without a rate limit check because Redis was out of reach")
			.register(meters);
		// At zero from the start: a refusal that creates its series is invisible to
		// increase() and rate(), and the dashboards would show no line rather than none.
		for (Policy policy : Policy.values()) {
			refused(policy);
		}
	}

	/**
	 * Opens the connection before the first request needs it: opening it takes longer
	 * than the Redis timeout, and that request would pass unchecked.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void connect() {
		this.redis.hasKey(this.properties.keyPrefix()).onErrorResume((error) -> Mono.empty()).subscribe();
	}

	/**
	 * Spring Cloud Gateway's script, read once. Its own
	 * {@code redisRequestRateLimiterScript} bean checks whether the file changed on every
	 * call: a class path lookup in the jar per request.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RedisScript<List<Long>> bucketScript() {
		try {
			String text = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
			return (RedisScript<List<Long>>) (RedisScript) RedisScript.of(text, List.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No " + SCRIPT + " on the class path", ex);
		}
	}

	/**
	 * Takes a request's tokens from the key's bucket; emits whether there were enough.
	 * Waits for Redis only when the bucket may be near empty (see {@link KnownHeadroom}).
	 */
	Mono<Boolean> take(Policy policy, RateLimitKey key) {
		RateLimitProperties.Bucket bucket = this.properties.bucket(policy);
		// One hash tag for both keys, so that they live on the same Redis Cluster slot.
		String id = "{" + this.properties.keyPrefix() + ":" + policy.key() + ":" + key.value() + "}";
		if (this.headroom.tryTake(id, bucket.requestedTokens(), bucket.burstCapacity() / 2)) {
			takeInRedis(policy, bucket, id).subscribe();
			return Mono.just(true);
		}
		return takeInRedis(policy, bucket, id);
	}

	private Mono<Boolean> takeInRedis(Policy policy, RateLimitProperties.Bucket bucket, String id) {
		List<String> keys = List.of(id + ".tokens", id + ".timestamp");
		// An empty "now" makes the script read Redis' own clock.
		List<String> args = List.of(Integer.toString(bucket.replenishRate()), Integer.toString(bucket.burstCapacity()),
				"", Integer.toString(bucket.requestedTokens()));
		return this.redis.execute(this.script, keys, args)
			.collectList()
			.timeout(this.properties.redisTimeout())
			.map((replies) -> allowed(policy, id, replies))
			.onErrorResume((error) -> {
				this.unchecked.increment();
				if (this.redisDown.compareAndSet(false, true)) {
					log.warn("Redis is out of reach ({}): requests pass without rate limits until it answers",
							error.toString());
				}
				return Mono.just(true);
			});
	}

	private Counter refused(Policy policy) {
		return Counter.builder("parcours.gateway.rate.limit.refused")
			.description("Requests refused with 429 because their bucket was empty")
			.tag("policy", policy.key())
			.register(this.meters);
	}

	/** The script answers {@code [allowed (1 or 0), tokens left]}. */
	private boolean allowed(Policy policy, String id, List<List<Long>> replies) {
		if (this.redisDown.compareAndSet(true, false)) {
			log.info("Redis answers again: rate limits apply again");
		}
		List<Long> answer = replies.stream().flatMap(List::stream).toList();
		this.headroom.learn(id, answer.get(1));
		boolean allowed = answer.getFirst() == 1L;
		if (!allowed) {
			refused(policy).increment();
		}
		return allowed;
	}

}
