package care.parcours.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import care.parcours.gateway.DownstreamStub.ReceivedRequest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api} path needs a valid bearer token, checked here once and forwarded
 * unchanged for the service to check again; the authorization server's paths and the
 * public ones pass without.
 */
class AuthenticationIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	@RegisterExtension
	static final DownstreamStub authorizationServer = DownstreamStub.start("authorization-server");

	@RegisterExtension
	static final DownstreamStub scheduling = DownstreamStub.start("scheduling");

	@RegisterExtension
	static final DownstreamStub billing = DownstreamStub.start("billing");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_PARTNER_URL", partner::url);
		registry.add("PARCOURS_AUTH_URL", authorizationServer::url);
		registry.add("PARCOURS_SCHEDULING_URL", scheduling::url);
		registry.add("PARCOURS_BILLING_URL", billing::url);
	}

	static Stream<Arguments> refusedTokens() {
		Instant now = Instant.now();
		return Stream.of(
				Arguments.of("expired",
						TestTokens.signed((claims) -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
							.expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))),
				Arguments.of("not yet valid",
						TestTokens
							.signed((claims) -> claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))))),
				Arguments.of("without expiry", TestTokens.signed((claims) -> claims.expirationTime(null))),
				Arguments.of("tampered", TestTokens.tampered()),
				Arguments.of("signed by another key", TestTokens.sign(TestTokens.claims((claims) -> {
				}), TestTokens.otherKeys)),
				Arguments.of("wrong issuer", TestTokens.signed((claims) -> claims.issuer("http://evil.example"))),
				Arguments.of("wrong audience", TestTokens.signed((claims) -> claims.audience(List.of("other-api")))),
				Arguments.of("no audience", TestTokens.signed((claims) -> claims.audience((String) null))),
				Arguments.of("alg none", TestTokens.unsigned()),
				Arguments.of("HS256 with the public key as secret", TestTokens.hmacWithThePublicKeyAsSecret()),
				Arguments.of("not a JWT", "definitely-not-a-token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedTokens")
	void refusedTokenAnswers401ProblemAndNeverReachesTheService(String why, String token) {
		var result = expectProblem(this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.exchange(), 401, "invalid-token", "/api/partners/h-1");

		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.startsWith("Bearer error=\"invalid_token\"");
		assertThat(partner.received()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/partners/h-1", "/api/unknown", "/", "/actuator/env" })
	void requestWithoutTokenAnswers401ProblemWithBearerChallenge(String path) {
		var result = expectProblem(this.client.get().uri(path).exchange(), 401, "unauthorized", path);

		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
		assertThat(partner.received()).isEmpty();
	}

	@Test
	void otherSchemesAreNotBearerTokens() {
		expectProblem(this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")
			.exchange(), 401, "unauthorized", "/api/partners/h-1");
	}

	@Test
	void validTokenReachesTheServiceWithItsAuthorizationHeaderUnchanged() {
		String token = TestTokens.forClient("hospital-7");

		this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(partner.lastReceived().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
	}

	@Test
	void rolesAreTheServicesBusinessNotTheGateways() {
		String noRoles = TestTokens.signed((claims) -> claims.claim("roles", List.of()));

		this.client.get()
			.uri("/api/practitioners/pr-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(noRoles))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void tokenIsStillAcceptedWithinTheClockSkew() {
		Instant now = Instant.now();
		String justExpired = TestTokens.signed((claims) -> claims.issueTime(Date.from(now.minusSeconds(300)))
			.expirationTime(Date.from(now.minusSeconds(5))));

		this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(justExpired))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/.well-known/openid-configuration", "/oauth2/jwks", "/oauth2/authorize?response_type=code",
					"/login", "/userinfo", "/connect/register", "/api/partner-clients/c-1" })
	void authorizationServerPathsAreForwardedWithoutATokenKeepingTheHost(String path) {
		this.client.get().uri(path).exchange().expectStatus().isOk();

		ReceivedRequest received = authorizationServer.lastReceived();
		assertThat(received.uri()).isEqualTo(path);
		assertThat(received.header(HttpHeaders.HOST)).isEqualTo("localhost:" + this.port);
		assertThat(partner.received()).isEmpty();
	}

	@Test
	void tokenRequestIsForwardedWithItsClientCredentials() {
		this.client.post()
			.uri("/oauth2/token")
			.header(HttpHeaders.AUTHORIZATION, "Basic aG9zcGl0YWwtNzpzZWNyZXQ=")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials&scope=partner")
			.exchange()
			.expectStatus()
			.isOk();

		ReceivedRequest received = authorizationServer.lastReceived();
		assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Basic aG9zcGl0YWwtNzpzZWNyZXQ=");
		assertThat(received.body()).isEqualTo("grant_type=client_credentials&scope=partner");
	}

	@Test
	void aTeleconsultationJoinLinkOpensWithoutATokenButNothingElseOfTheAppointmentsDoes() {
		this.client.get().uri("/api/appointments/join/link-token").exchange().expectStatus().isOk();
		this.client.get().uri("/api/appointments/join").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/api/appointments/join/link-token/more").exchange().expectStatus().isUnauthorized();

		assertThat(scheduling.received()).extracting(ReceivedRequest::uri)
			.containsExactly("/api/appointments/join/link-token");
	}

	@Test
	void aPaymentProvidersNotificationPassesWithoutATokenButNoOtherBillingPathDoes() {
		this.client.post().uri("/api/payment-notifications/acme-pay").exchange().expectStatus().isOk();
		this.client.post().uri("/api/payment-notifications/acme-pay/more").exchange().expectStatus().isUnauthorized();
		this.client.post().uri("/api/invoices/i-1/payments").exchange().expectStatus().isUnauthorized();

		assertThat(billing.received()).extracting(ReceivedRequest::uri)
			.containsExactly("/api/payment-notifications/acme-pay");
	}

	@Test
	void servicesOpenApiDocumentsArePublic() {
		this.client.get().uri("/v3/api-docs/partner-service").exchange().expectStatus().isOk();

		assertThat(partner.received()).extracting(ReceivedRequest::uri).containsExactly("/v3/api-docs");
	}

	@Test
	void theManagementPortAnswersProbesAndMetricsWithoutATokenAndNothingElse() {
		WebTestClient operations = Scrape.operations(this.managementPort);
		for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus")) {
			operations.get().uri(path).exchange().expectStatus().isOk();
		}
		operations.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
		// The routes are mapped on the management server too: a token does not open them.
		operations.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forUser("coordinator-1")))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(partner.received()).isEmpty();
	}

}
