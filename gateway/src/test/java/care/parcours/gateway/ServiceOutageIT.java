package care.parcours.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With billing-service stopped (nothing listens on its port), its routes answer 503 at
 * once and the other services stay reachable.
 */
// Keep the breaker closed here: these tests are about a refused connection.
@TestPropertySource(properties = "resilience4j.circuitbreaker.instances.billing-service.minimum-number-of-calls=1000")
class ServiceOutageIT extends RunningGateway {

	static final int stoppedBillingPort = DownstreamStub.unusedPort();

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	static final Pattern failedBillingCalls = Pattern.compile(
			"resilience4j_circuitbreaker_calls_seconds_count\\{[^}]*kind=\"failed\",name=\"billing-service\"} (\\d+)");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_BILLING_URL", () -> "http://127.0.0.1:" + stoppedBillingPort);
		registry.add("PARCOURS_PARTNER_URL", partner::url);
		// Far longer than the test: a 503 can only come from the refused connection.
		registry.add("parcours.gateway.timeouts.billing-service-ms", () -> "60000");
	}

	@BeforeEach
	void signIn() {
		signInAsCoordinator();
	}

	@Test
	void stoppedServiceAnswers503ProblemWithRetryAfter() {
		var result = expectProblem(this.client.get().uri("/api/invoices/inv-7").exchange(), 503, "service-unavailable",
				"/api/invoices/inv-7");

		assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("10");
		assertThat(result.getResponseBody()).contains("The billing service is not available right now.");
	}

	@Test
	void otherRoutesKeepWorkingWhileOneServiceIsDown() {
		this.client.post()
			.uri("/api/payments")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"invoiceId\":\"inv-7\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);

		assertAnsweredBy("partner", "/api/partners/h-1");
	}

	@Test
	void refusedGetIsTriedOnceMoreButRefusedPostIsNot() {
		long before = failedBillingCalls();
		this.client.get().uri("/api/quotes/q-1").exchange().expectStatus().isEqualTo(503);
		long afterGet = failedBillingCalls();
		this.client.post()
			.uri("/api/quotes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		long afterPost = failedBillingCalls();

		// Every attempt goes through the breaker, so its failed calls count the attempts.
		assertThat(afterGet - before).isEqualTo(2);
		assertThat(afterPost - afterGet).isEqualTo(1);
	}

	private long failedBillingCalls() {
		String metrics = Scrape.metrics(this.managementPort);
		Matcher matcher = failedBillingCalls.matcher(metrics);
		assertThat(matcher.find()).as("failed billing-service calls in %s", metrics).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
