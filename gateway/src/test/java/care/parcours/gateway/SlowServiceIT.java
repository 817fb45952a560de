package care.parcours.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import care.parcours.gateway.DownstreamStub.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that answers late, or never: the route's response timeout, not the breaker's
 * own time limit, decides when to give up, and repeated failures open the breaker. A
 * service with too many calls in flight gets no more until some are answered.
 */
@TestPropertySource(properties = { "parcours.gateway.timeouts.scheduling-service-ms=400",
		// A small window that opens after three failures and stays open for the
		// whole test.
		"resilience4j.circuitbreaker.instances.scheduling-service.sliding-window-size=3",
		"resilience4j.circuitbreaker.instances.scheduling-service.minimum-number-of-calls=3",
		"resilience4j.circuitbreaker.instances.scheduling-service.wait-duration-in-open-state=10m",
		// Two calls in flight to billing-service at most.
		"resilience4j.bulkhead.instances.billing-service.max-concurrent-calls=2" })
class SlowServiceIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub scheduling = DownstreamStub.start("scheduling");

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	@RegisterExtension
	static final DownstreamStub billing = DownstreamStub.start("billing");

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_SCHEDULING_URL", scheduling::url);
		registry.add("PARCOURS_PARTNER_URL", partner::url);
		registry.add("PARCOURS_BILLING_URL", billing::url);
	}

	@BeforeEach
	void signIn() {
		signInAsCoordinator();
	}

	@BeforeEach
	void closeBreakers() {
		// Each test starts from a healthy service, whatever ran before it.
		this.breakers.circuitBreaker("scheduling-service").reset();
		this.breakers.circuitBreaker("billing-service").reset();
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

		assertAnsweredBy("partner", "/api/practitioners/pr-1");
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

	@Test
	void callsBeyondAServicesLimitInFlightAreRefusedAtOnceWithoutReachingIt() throws Exception {
		billing.answerWith(Answer.json(200, "{\"service\":\"billing\"}").after(Duration.ofSeconds(3)));

		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> inFlight = List.of(callers.submit(() -> statusOf("/api/invoices/i-1")),
					callers.submit(() -> statusOf("/api/invoices/i-2")));
			await().atMost(Duration.ofSeconds(5)).until(() -> billing.received().size() == 2);

			var result = expectProblem(this.client.get().uri("/api/quotes/q-1").exchange(), 503, "service-busy",
					"/api/quotes/q-1");

			assertThat(result.getResponseBody()).contains("The billing service has too many requests in progress.");
			// Soon, unlike the ten seconds of an open breaker.
			assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
			assertThat(billing.received()).hasSize(2);
			// Another service's calls are not held up.
			this.client.get().uri("/api/partners/h-1").exchange().expectStatus().isOk();
			assertThat(inFlight).allSatisfy((call) -> assertThat(call.get()).isEqualTo(200));
		}
		billing.answerWith(Answer.json(200, "{\"service\":\"billing\"}"));
		this.client.get().uri("/api/quotes/q-1").exchange().expectStatus().isOk();
	}

	@Test
	void refusalsOfABusyServiceDoNotOpenItsBreaker() throws Exception {
		billing.answerWith(Answer.json(200, "{\"service\":\"billing\"}").after(Duration.ofSeconds(3)));

		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> inFlight = List.of(callers.submit(() -> statusOf("/api/invoices/i-1")),
					callers.submit(() -> statusOf("/api/invoices/i-2")));
			await().atMost(Duration.ofSeconds(5)).until(() -> billing.received().size() == 2);
			// More refusals than the breaker needs calls to open (20 in its window, 10 at
			// least).
			for (int call = 0; call < 20; call++) {
				assertThat(statusOf("/api/quotes/q-" + call)).isEqualTo(503);
			}
			assertThat(inFlight).allSatisfy((call) -> assertThat(call.get()).isEqualTo(200));
		}

		assertThat(this.breakers.circuitBreaker("billing-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		billing.answerWith(Answer.json(200, "{\"service\":\"billing\"}"));
		this.client.get().uri("/api/invoices/i-3").exchange().expectStatus().isOk();
	}

	private int statusOf(String path) {
		return this.client.get().uri(path).exchange().returnResult(Void.class).getStatus().value();
	}

}
