package care.parcours.partner.deliveries;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.function.ObjLongConsumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backoff's bounds over many attempts and jitter seeds. Every seed is fixed and a
 * failure names its own, so that it is rerun exactly as it happened.
 */
class BackoffTests {

	private static final Duration INITIAL = Duration.ofSeconds(5);

	private static final Duration MAX = Duration.ofHours(6);

	private final Backoff backoff = new Backoff(INITIAL, MAX);

	@Test
	void eachWaitIsBetweenHalfAndAllOfTheDoubledWaitCappedAtTheMaximum() {
		forEachAttemptAndSeed((attempt, seed) -> {
			long doubled = Math.min(INITIAL.toMillis() << (attempt - 1), MAX.toMillis());

			assertThat(backoff.after(attempt, new Random(seed)).toMillis()).as("attempt %d, seed %d", attempt, seed)
				.isBetween(doubled - doubled / 2, doubled);
		});
	}

	@Test
	void retriesNeverComeSoonerThanTheFloorOfAnEarlierWait() {
		forEachAttemptAndSeed((attempt, seed) -> {
			Duration earliestAfterPrevious = backoff.after(attempt, new FixedRandom(0));

			assertThat(backoff.after(attempt + 1, new Random(seed))).as("attempt %d, seed %d", attempt + 1, seed)
				.isGreaterThanOrEqualTo(earliestAfterPrevious);
		});
	}

	/**
	 * Attempts 1 to 40 (past the maximum), each with 500 seeds: fixed, so that a failure
	 * names the seed that reproduces it.
	 */
	private static void forEachAttemptAndSeed(ObjLongConsumer<Integer> check) {
		for (int attempt = 1; attempt <= 40; attempt++) {
			for (long seed = 0; seed < 500; seed++) {
				check.accept(attempt, seed * 7919 + attempt);
			}
		}
	}

	@Test
	void waitsStopGrowingAtTheMaximum() {
		RandomGenerator highest = new FixedRandom(Long.MAX_VALUE);

		assertThat(backoff.after(13, highest)).isEqualTo(INITIAL.multipliedBy(1 << 12));
		assertThat(backoff.after(14, highest)).isEqualTo(MAX);
		assertThat(backoff.after(1000, highest)).isEqualTo(MAX);
	}

	@Test
	void sixteenAttemptsSpanHalfADayToADay() {
		assertThat(spanOfSixteenAttempts(new FixedRandom(0))).isBetween(Duration.ofHours(11), Duration.ofHours(12));
		assertThat(spanOfSixteenAttempts(new FixedRandom(Long.MAX_VALUE))).isBetween(Duration.ofHours(23),
				Duration.ofHours(24));
	}

	private Duration spanOfSixteenAttempts(RandomGenerator random) {
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < 16; attempt++) {
			total = total.plus(backoff.after(attempt, random));
		}
		return total;
	}

	/** Draws the same value every time, bounded like {@code nextLong(bound)}. */
	private record FixedRandom(long value) implements RandomGenerator {

		@Override
		public long nextLong() {
			return value;
		}

		@Override
		public long nextLong(long bound) {
			return Math.min(Math.max(value, 0), bound - 1);
		}

	}

}
