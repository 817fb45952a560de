package care.parcours.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadTests {

	@Test
	void atAFixedRateASlowAnswerDoesNotHoldBackTheNextCalls() throws InterruptedException {
		AtomicInteger calls = new AtomicInteger();

		// 200 calls per second for half a second, each answered after 100 ms (the sleep
		// is the slow answer measured, not a wait): a closed loop of one client would
		// make five.
		Load.Result result = Load.atRate(200, Duration.ofMillis(500), (call) -> {
			calls.incrementAndGet();
			Thread.sleep(100);
			return true;
		});

		assertThat(calls).hasValue(100);
		assertThat(result.succeeded()).isEqualTo(100);
		assertThat(result.latencies().percentileMillis(1)).isGreaterThanOrEqualTo(100);
	}

	@Test
	void atAFixedRateFailedCallsAreCountedApart() throws InterruptedException {
		Load.Result result = Load.atRate(100, Duration.ofMillis(100), (call) -> {
			if (call % 2 == 0) {
				throw new IllegalStateException("refused");
			}
			return call % 5 != 0;
		});

		// Calls 0 to 9: the even ones throw, 5 answers but not as hoped.
		assertThat(result.failed()).isEqualTo(6);
		assertThat(result.succeeded()).isEqualTo(4);
		assertThat(result.latencies().count()).isEqualTo(10);
	}

}
