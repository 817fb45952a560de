package care.parcours.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clock moved ahead by one test is back at real time for the next test of the same
 * context, without the test putting it back. The order is the point: the second test runs
 * on the context the first one left.
 */
@SpringJUnitConfig(MutableClocksTests.Time.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutableClocksTests {

	@Configuration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

	@Autowired
	MutableClock clock;

	@Test
	@Order(1)
	void aTestMovesTheClockThreeDaysAheadAndLeavesIt() {
		clock.advance(Duration.ofDays(3));

		assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(2)));
	}

	@Test
	@Order(2)
	void theNextTestFindsItAtRealTime() {
		assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofMinutes(1));
	}

}
