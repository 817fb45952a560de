package care.parcours.gateway;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token buckets in the real Redis, each test class under a key prefix of its own and each
 * test with callers of its own. A bucket starts full: its burst always passes; after it,
 * a caller sending faster than the refill rate meets a 429 within a few requests.
 */
@TestPropertySource(properties = { "parcours.gateway.rate-limits.api.replenish-rate=2",
		"parcours.gateway.rate-limits.api.burst-capacity=6", "parcours.gateway.rate-limits.login.replenish-rate=1",
		"parcours.gateway.rate-limits.login.burst-capacity=3" })
class RateLimitIT extends RunningGateway {

	static final int API_BURST = 6;

	static final int LOGIN_BURST = 3;

	// Far more than the refill in the time these take: the bucket is emptied long before.
	static final int MORE_REQUESTS = 30;

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	@RegisterExtension
	static final DownstreamStub authorizationServer = DownstreamStub.start("authorization-server");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_PARTNER_URL", partner::url);
		registry.add("PARCOURS_AUTH_URL", authorizationServer::url);
	}

	@Test
	void clientOverItsLimitGets429ProblemWithRetryAfterWhileAnotherClientIsServed() {
		String hospital = TestTokens.forClient("hospital-" + UUID.randomUUID());
		String clinic = TestTokens.forClient("clinic-" + UUID.randomUUID());

		for (int i = 0; i < API_BURST; i++) {
			partnersAs(hospital).expectStatus().isOk();
		}
		var refused = expectProblem(firstRefused(() -> partnersAs(hospital)), 429, "too-many-requests",
				"/api/partners/h-1");

		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		partnersAs(clinic).expectStatus().isOk();
	}

	@Test
	void usersOfTheSameFrontEndHaveBucketsOfTheirOwn() {
		String alice = TestTokens.forUser("alice-" + UUID.randomUUID());
		String bob = TestTokens.forUser("bob-" + UUID.randomUUID());

		for (int i = 0; i < API_BURST; i++) {
			partnersAs(alice).expectStatus().isOk();
		}
		firstRefused(() -> partnersAs(alice));

		partnersAs(bob).expectStatus().isOk();
	}

	@Test
	void tokenEndpointHasAStricterLimitPerAddress() {
		for (int i = 0; i < LOGIN_BURST; i++) {
			tokenRequest().expectStatus().isOk();
		}
		var refused = expectProblem(firstRefused(this::tokenRequest), 429, "too-many-requests", "/oauth2/token");

		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		// The same address, now a client with a token: the API bucket is another one.
		partnersAs(TestTokens.forClient("hospital-" + UUID.randomUUID())).expectStatus().isOk();
	}

	@Test
	void refusalsAreCountedPerPolicyFromZeroOn() {
		String metrics = Scrape.metrics(this.managementPort);
		assertThat(metrics).as("both policies exported before their first refusal")
			.containsPattern(refusals("api"))
			.containsPattern(refusals("login"));
		long apiBefore = refused(metrics, "api");
		long loginBefore = refused(metrics, "login");
		String caller = TestTokens.forClient("counted-" + UUID.randomUUID());
		for (int i = 0; i < API_BURST; i++) {
			partnersAs(caller).expectStatus().isOk();
		}

		firstRefused(() -> partnersAs(caller));

		String after = Scrape.metrics(this.managementPort);
		assertThat(refused(after, "api")).isEqualTo(apiBefore + 1);
		assertThat(refused(after, "login")).isEqualTo(loginBefore);
	}

	private static Pattern refusals(String policy) {
		return Pattern
			.compile("parcours_gateway_rate_limit_refused_total\\{[^}]*policy=\"" + policy + "\"[^}]*} (\\d+)");
	}

	private static long refused(String metrics, String policy) {
		Matcher matcher = refusals(policy).matcher(metrics);
		assertThat(matcher.find()).as("refusals of %s in %s", policy, metrics).isTrue();
		return (long) Double.parseDouble(matcher.group(1));
	}

	/**
	 * The same policies through Spring Cloud Gateway's built-in
	 * {@code RequestRateLimiter}, the alternative the gateway-overhead benchmark measures
	 * against ours.
	 */
	@Nested
	@TestPropertySource(properties = "parcours.gateway.rate-limits.implementation=spring")
	class ThroughTheBuiltInFilter {

		@Test
		void clientOverItsLimitGets429ProblemWithRetryAfterWhileAnotherClientIsServed() {
			RateLimitIT.this.clientOverItsLimitGets429ProblemWithRetryAfterWhileAnotherClientIsServed();

			// Only the built-in filter tells the caller its bucket's state.
			partnersAs(TestTokens.forClient("clinic-" + UUID.randomUUID())).expectHeader()
				.exists("X-RateLimit-Remaining");
		}

	}

	private WebTestClient.ResponseSpec partnersAs(String token) {
		return this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.exchange();
	}

	private WebTestClient.ResponseSpec tokenRequest() {
		return this.client.post()
			.uri("/oauth2/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange();
	}

	/** Sends until the gateway refuses; fails if it never does. */
	private EntityExchangeResult<String> firstRefused(Supplier<WebTestClient.ResponseSpec> request) {
		for (int i = 0; i < MORE_REQUESTS; i++) {
			EntityExchangeResult<String> result = request.get().expectBody(String.class).returnResult();
			if (result.getStatus().value() == 429) {
				return result;
			}
			assertThat(result.getStatus().value()).isEqualTo(200);
		}
		throw new AssertionError("No 429 after " + MORE_REQUESTS + " more requests");
	}

}
