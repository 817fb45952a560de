package care.parcours.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import care.parcours.gateway.DownstreamStub.Answer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a configured public key, the signing keys come from the issuer's JWK set, as
 * with the authorization server or Keycloak in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class JwkSetIT {

	static final DownstreamStub issuer = DownstreamStub.start("issuer");

	static final DownstreamStub partner = DownstreamStub.start("partner");

	static {
		issuer.answerWith(Answer.json(200, TestTokens.jwkSet()));
	}

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestTokens.trustJwkSetAt(registry, () -> issuer.url() + "/realms/parcours/certs");
		registry.add("PARCOURS_PARTNER_URL", partner::url);
	}

	@AfterAll
	static void stopServices() {
		issuer.close();
		partner.close();
	}

	@Test
	void tokenSignedWithAKeyOfTheJwkSetPasses() {
		this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forClient("hospital-7")))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(issuer.received()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.uri()).isEqualTo("/realms/parcours/certs"));
	}

	@Test
	void tokenSignedWithAnotherKeyIsRefused() {
		String forged = TestTokens.sign(TestTokens.claims((claims) -> {
		}), TestTokens.otherKeys);

		this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(forged))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
