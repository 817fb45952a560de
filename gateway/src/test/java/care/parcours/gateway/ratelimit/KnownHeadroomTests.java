package care.parcours.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHeadroomTests {

	final KnownHeadroom headroom = new KnownHeadroom();

	@Test
	void bucketNeverHeardOfIsCheckedInRedis() {
		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isFalse();
	}

	@Test
	void requestsPassAtOnceWhileTheBucketStaysAboveItsMargin() {
		this.headroom.learn("{client-a}", 53);

		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isTrue();
		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isTrue();
		// 51 left: one more would bring the estimate to the margin.
		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isFalse();
		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isFalse();
	}

	@Test
	void redisAnswerCorrectsTheEstimate() {
		this.headroom.learn("{client-a}", 90);
		this.headroom.learn("{client-a}", 10); // other gateway instances took tokens too

		assertThat(this.headroom.tryTake("{client-a}", 1, 50)).isFalse();
		assertThat(this.headroom.tryTake("{client-b}", 1, 50)).isFalse();
	}

}
