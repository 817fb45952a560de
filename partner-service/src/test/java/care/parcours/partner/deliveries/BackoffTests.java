package care.parcours.partner.deliveries;

import java.time.Duration;
import java.util.Random;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(6));

	@RepeatedTest(20)
	void eachWaitIsBetweenHalfAndAllOfTheDoubledWait() {
		RandomGenerator random = new Random();
		for (int attempt = 1; attempt <= 12; attempt++) {
			long exponential = 5_000L << (attempt - 1);
			assertThat(backoff.after(attempt, random).toMillis()).isBetween(exponential / 2, exponential);
		}
	}

	@Test
	void waitsStopGrowingAtTheMaximum() {
		RandomGenerator highest = new FixedRandom(Long.MAX_VALUE);

		assertThat(backoff.after(13, highest)).isEqualTo(Duration.ofSeconds(5).multipliedBy(1 << 12));
		assertThat(backoff.after(14, highest)).isEqualTo(Duration.ofHours(6));
		assertThat(backoff.after(1000, highest)).isEqualTo(Duration.ofHours(6));
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
