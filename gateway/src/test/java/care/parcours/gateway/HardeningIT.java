package care.parcours.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser or an attacker meets before any service: CORS for the configured front
 * end only, security headers, size limits and refused path tricks, each answered with a
 * problem.
 */
@TestPropertySource(properties = { "parcours.gateway.cors.allowed-origins=https://app.parcours.test",
		"parcours.gateway.limits.max-body-size=1KB", "parcours.gateway.limits.max-upload-size=4KB" })
class HardeningIT extends RunningGateway {

	static final String FRONT_END = "https://app.parcours.test";

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	@LocalServerPort
	int port;

	String bearer = TestTokens.bearer(TestTokens.forUser("coordinator-1"));

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_PARTNER_URL", partner::url);
	}

	@Test
	void preflightFromTheFrontEndIsAllowedWithoutAToken() {
		this.client.options()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.ORIGIN, FRONT_END)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, if-match")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END)
			.expectHeader()
			.valueMatches(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ".*PUT.*");

		assertThat(partner.received()).isEmpty();
	}

	@Test
	void preflightFromAnotherOriginIsRefusedWithAProblem() {
		var result = expectProblem(this.client.options()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange(), 403, "cors-origin-refused", "/api/partners/h-1");

		assertThat(result.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
	}

	@Test
	void crossOriginCallFromAnotherOriginNeverReachesTheService() {
		expectProblem(this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange(), 403, "cors-origin-refused", "/api/partners/h-1");

		assertThat(partner.received()).isEmpty();
	}

	@Test
	void frontEndCanReadTheAnswerAndTheGatewaysOwnProblems() {
		this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.ORIGIN, FRONT_END)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, FRONT_END);

		// Without the header, the browser would hide the 401 and the front end could not
		// tell that its token needs renewing.
		var refused = expectProblem(
				this.client.get().uri("/api/partners/h-1").header(HttpHeaders.ORIGIN, FRONT_END).exchange(), 401,
				"unauthorized", "/api/partners/h-1");
		assertThat(refused.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(FRONT_END);
		assertThat(refused.getResponseHeaders().getAccessControlExposeHeaders()).contains(HttpHeaders.WWW_AUTHENTICATE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/partners/h-1", "/api/nothing-here" })
	void answersCarrySecurityHeaders(String path) {
		HttpHeaders headers = this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.returnResult(Void.class)
			.getResponseHeaders();

		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'",
				"frame-ancestors 'none'");
		// Over plain HTTP a browser ignores HSTS; it is sent on HTTPS requests only.
		assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
	}

	@Test
	void oversizedHeadersAnswer431Problem() {
		expectProblem(this.client.get()
			.uri("/api/partners/h-1")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header("X-Padding", "x".repeat(9 * 1024))
			.exchange(), 431, "headers-too-large", "/api/partners/h-1");

		assertThat(partner.received()).isEmpty();
	}

	@Test
	void announcedBodyOverTheLimitAnswers413Problem() {
		expectProblem(this.client.post()
			.uri("/api/partners")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"" + "x".repeat(2048) + "\"}")
			.exchange(), 413, "payload-too-large", "/api/partners");

		assertThat(partner.received()).isEmpty();
	}

	@Test
	void streamedBodyOverTheLimitIsCutOffWith413Problem() {
		Flux<DataBuffer> chunks = Flux.range(0, 8)
			.map((i) -> DefaultDataBufferFactory.sharedInstance.wrap("y".repeat(512).getBytes(StandardCharsets.UTF_8)));

		expectProblem(this.client.post()
			.uri("/api/partners")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange(), 413, "payload-too-large", "/api/partners");
	}

	@Test
	void anUploadPastTheBodyLimitPassesWithinTheUploadLimitAndNotBeyondIt() {
		this.client.post()
			.uri("/api/partners")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
			.bodyValue(multipart(2048))
			.exchange()
			.expectStatus()
			.isOk();

		expectProblem(this.client.post()
			.uri("/api/partners")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
			.bodyValue(multipart(8192))
			.exchange(), 413, "payload-too-large", "/api/partners");
	}

	private static String multipart(int size) {
		return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n" + "z".repeat(size)
				+ "\r\n--b--\r\n";
	}

	@Test
	void bodyWithinTheLimitPasses() {
		this.client.post()
			.uri("/api/partners")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"Clinique du Lac\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/../actuator/env", "/api/partners/h-1/../../../actuator/env",
			"/api/%2e%2e/actuator/env", "/api/partners/%2E%2E/%2E%2E/actuator/env", "/api/partners%2f..%2factuator",
			"/api/partners/./h-1", "/api//partners/h-1", "/api/partners/h-1;jsessionid=1", "/api/partners/h-1%00" })
	void pathTricksAreRefusedWith400Problem(String path) {
		expectProblem(this.client.method(HttpMethod.GET)
			.uri(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange(), 400, "bad-request", path);

		assertThat(partner.received()).isEmpty();
	}

}
