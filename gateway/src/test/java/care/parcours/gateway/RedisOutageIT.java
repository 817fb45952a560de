package care.parcours.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis out of reach the gateway fails open: requests are served without a rate
 * limit check, and each one counts in a metric for the alert.
 */
@TestPropertySource(properties = { "parcours.gateway.rate-limits.api.replenish-rate=1",
		"parcours.gateway.rate-limits.api.burst-capacity=1" })
class RedisOutageIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	static final Pattern unchecked = Pattern.compile("parcours_gateway_rate_limit_unchecked_total\\{[^}]*} (\\d+)");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_PARTNER_URL", partner::url);
		registry.add("spring.data.redis.port", DownstreamStub::unusedPort);
	}

	@Test
	void requestsPassUncheckedAndAreCountedWhileRedisIsDown() {
		String token = TestTokens.forClient("hospital-7");
		long before = uncheckedRequests();

		// Three requests against a bucket of one: all served.
		for (int i = 0; i < 3; i++) {
			this.client.get()
				.uri("/api/partners/h-1")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(uncheckedRequests() - before).isEqualTo(3);
	}

	private long uncheckedRequests() {
		String metrics = Scrape.metrics(this.managementPort);
		Matcher matcher = unchecked.matcher(metrics);
		assertThat(matcher.find()).as("unchecked requests in %s", metrics).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
