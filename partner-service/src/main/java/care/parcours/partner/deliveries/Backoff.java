package care.parcours.partner.deliveries;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": half the exponential wait, plus a random part
 * of the other half. The random half spreads the retries of many deliveries that failed
 * together (a partner back from an outage is not hit by all of them at once); the fixed
 * half keeps a minimum pause.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
record Backoff(Duration initial, Duration max) {

	Backoff {
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("backoff needs 0 < initial <= max");
		}
	}

	/** The wait after the given number of failed attempts (1 for the first). */
	Duration after(int failedAttempts, RandomGenerator random) {
		long ceiling = max.toMillis();
		long exponential = initial.toMillis();
		for (int i = 1; i < failedAttempts && exponential < ceiling; i++) {
			exponential *= 2;
		}
		long wait = Math.min(exponential, ceiling);
		long half = wait / 2;
		return Duration.ofMillis(wait - half + random.nextLong(half + 1));
	}

}
