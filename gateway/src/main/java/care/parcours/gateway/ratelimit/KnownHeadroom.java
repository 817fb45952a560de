package care.parcours.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this gateway instance last learnt of each bucket's tokens from Redis, less what it
 * has let through since. While a bucket holds more than its margin, a request may pass at
 * once: its token is still taken in Redis, after the fact, and that answer corrects the
 * estimate. A caller near its limit is checked in Redis before it passes, so the limit
 * holds; what the shortcut can cost is a caller exceeding it by the requests in flight,
 * and, with several gateway instances, by up to one margin per instance per refill.
 */
final class KnownHeadroom {

	// Forget everything when full: a forgotten bucket is merely checked in Redis again.
	private static final int CAPACITY = 100_000;

	private final Map<String, AtomicLong> tokensLeft = new ConcurrentHashMap<>();

	/**
	 * Takes the tokens from the estimate if it stays above the margin afterwards.
	 * @return whether the request may pass without waiting for Redis
	 */
	boolean tryTake(String bucket, long tokens, long margin) {
		AtomicLong left = this.tokensLeft.get(bucket);
		if (left == null) {
			return false;
		}
		if (left.addAndGet(-tokens) > margin) {
			return true;
		}
		left.addAndGet(tokens);
		return false;
	}

	/** What Redis answered: the bucket's tokens after this request's. */
	void learn(String bucket, long tokensLeftInRedis) {
		if (this.tokensLeft.size() >= CAPACITY) {
			this.tokensLeft.clear();
		}
		this.tokensLeft.computeIfAbsent(bucket, (name) -> new AtomicLong()).set(tokensLeftInRedis);
	}

}
