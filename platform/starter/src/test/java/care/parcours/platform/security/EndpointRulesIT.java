package care.parcours.platform.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest(classes = TestApplication.class)
class EndpointRulesIT {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient http;

	@Test
	void anEndpointWithoutAnAccessRuleIsRefusedEvenToEveryRole() {
		http.get()
			.uri("/forgotten")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/forbidden");
	}

	@Test
	void aPathWhereNothingExistsIsANotFoundForAnAuthenticatedCaller() {
		http.get().uri("/nothing/here").exchange().expectStatus().isNotFound();
	}

	@Test
	void withoutATokenTheAnswerIs401WithAChallenge() throws Exception {
		HttpResponse<String> response = raw("/things", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"correlationId\"").doesNotContain("Exception");
	}

	@Test
	void pathTraversalIsRefusedAsABadRequestProblem() throws Exception {
		for (String path : new String[] { "/things/..%2F..%2Factuator%2Fenv", "/things/%2e%2e/actuator/env",
				"/things;/../actuator/env" }) {
			HttpResponse<String> response = raw(path, TestTokens.staff("admin").bearer());
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	private HttpResponse<String> raw(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (authorization != null) {
			request.header(HttpHeaders.AUTHORIZATION, authorization);
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
