package care.parcours.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import care.parcours.gateway.DownstreamStub.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that answers late, or never: the route's response timeout, not the breaker's
 * own time limit, decides when to give up, and repeated failures open the breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "parcours.gateway.timeouts.scheduling-service-ms=400",
				// A small window that opens after three failures and stays open for the
				// whole test.
				"resilience4j.circuitbreaker.instances.scheduling-service.sliding-window-size=3",
				"resilience4j.circuitbreaker.instances.scheduling-service.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.scheduling-service.wait-duration-in-open-state=10m" })
@AutoConfigureWebTestClient
class SlowServiceIT {

	static final DownstreamStub scheduling = DownstreamStub.start("scheduling");

	static final DownstreamStub partner = DownstreamStub.start("partner");

	@Autowired
	WebTestClient client;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestTokens.trustTestKeys(registry);
		registry.add("PARCOURS_SCHEDULING_URL", scheduling::url);
		registry.add("PARCOURS_PARTNER_URL", partner::url);
	}

	@BeforeEach
	void signIn() {
		// Every /api path needs a token; this class is about what happens after.
		this.client = this.client.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forUser("coordinator-1")))
			.build();
	}

	@BeforeEach
	void closeBreakerAndResetServices() {
		// Each test starts from a healthy service, whatever ran before it.
		this.breakers.circuitBreaker("scheduling-service").reset();
		scheduling.reset();
		partner.reset();
	}

	@AfterAll
	static void stopServices() {
		scheduling.close();
		partner.close();
	}

	@Test
	void serviceSlowerThanItsResponseTimeoutAnswers504Problem() {
		scheduling.answerWith(Answer.never());

		var result = expectProblem(this.client.get().uri("/api/slots?from=2026-12-01").exchange(), 504,
				"gateway-timeout", "/api/slots");

		assertThat(result.getResponseBody()).contains("The scheduling service did not answer in time.");
		assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNull();
		// A late answer is not a refused connection: no second attempt.
		assertThat(scheduling.received()).hasSize(1);
	}

	@Test
	void answerSlowerThanTheBreakersDefaultTimeLimitIsNotCut() {
		// 1.5 s: past Resilience4j's 1 s default, well within the partner route's 10 s.
		partner.answerWith(Answer.json(200, "{\"service\":\"partner\"}").after(Duration.ofMillis(1500)));

		this.client.get()
			.uri("/api/practitioners/pr-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("partner");
	}

	@Test
	void repeatedFailuresOpenTheBreakerAndTheServiceIsNoLongerCalled() {
		scheduling.answerWith(Answer.never());

		await().atMost(Duration.ofSeconds(20)).until(() -> statusOf("/api/schedules/s-1") == 503);
		int callsWhenOpened = scheduling.received().size();
		assertThat(callsWhenOpened).isGreaterThanOrEqualTo(3);

		// One breaker for the whole service: its other paths are refused at once too.
		for (String path : new String[] { "/api/schedules/s-1", "/api/waitlist/w-1", "/api/appointments/a-1" }) {
			var result = expectProblem(this.client.get().uri(path).exchange(), 503, "service-unavailable", path);
			assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("10");
		}
		assertThat(scheduling.received()).hasSize(callsWhenOpened);
		this.client.get().uri("/api/partners/h-1").exchange().expectStatus().isOk();
	}

	private int statusOf(String path) {
		return this.client.get().uri(path).exchange().returnResult(Void.class).getStatus().value();
	}

}
