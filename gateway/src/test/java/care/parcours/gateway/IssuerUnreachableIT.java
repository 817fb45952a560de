package care.parcours.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the issuer's keys cannot be fetched, no token can be checked: a 503 to try again,
 * not a 401 telling the client its token is bad, nor a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IssuerUnreachableIT {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestTokens.trustJwkSetAt(registry, () -> "http://127.0.0.1:" + DownstreamStub.unusedPort() + "/oauth2/jwks");
	}

	@Test
	void unreachableJwkSetAnswers503Problem() {
		var result = expectProblem(this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forClient("hospital-7")))
			.exchange(), 503, "service-unavailable", "/api/partners/h-1");

		assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
	}

}
