package care.parcours.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import care.parcours.gateway.DownstreamStub.Answer;
import care.parcours.gateway.DownstreamStub.ReceivedRequest;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests reach the right service as sent, and answers come back as the service gave
 * them.
 */
class GatewayRoutingIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub patient = DownstreamStub.start("patient");

	@RegisterExtension
	static final DownstreamStub scheduling = DownstreamStub.start("scheduling");

	@RegisterExtension
	static final DownstreamStub billing = DownstreamStub.start("billing");

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	static final Map<String, DownstreamStub> services = Map.of("patient", patient, "scheduling", scheduling, "billing",
			billing, "partner", partner);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_PATIENT_URL", patient::url);
		registry.add("PARCOURS_SCHEDULING_URL", scheduling::url);
		registry.add("PARCOURS_BILLING_URL", billing::url);
		registry.add("PARCOURS_PARTNER_URL", partner::url);
	}

	@BeforeEach
	void signIn() {
		signInAsCoordinator();
	}

	@ParameterizedTest
	@CsvSource({ "/api/patients/p-1, patient", "/api/pathways/pw-1/timeline, patient", "/api/pathways, patient",
			"/api/pathway-templates/t-1/versions/2, patient", "/api/audit, patient",
			"/api/reports/partners/h-1/months/2026-03, patient", "/api/reports/months/2026-03, patient",
			"/api/schedules/s-1, scheduling", "/api/slots, scheduling", "/api/appointments/a-1, scheduling",
			"/api/waitlist/w-1, scheduling", "/api/quotes/q-1/versions/2, billing", "/api/coverages/c-1, billing",
			"/api/invoices, billing", "/api/payments/pay-1, billing", "/api/catalogue/items/i-1, billing",
			"/api/catalogue/price-lists, billing", "/api/insurers/i-1, billing", "/api/exchange-rates, billing",
			"/api/quotes/q-1/versions/1/pdf, billing", "/api/invoices/i-1/pdf, billing",
			"/api/payment-notifications/acme-pay, billing", "/api/partners/h-1, partner",
			"/api/practitioners/pr-1/languages, partner", "/api/resources/r-1, partner",
			"/api/partners/specialties, partner", "/api/partners/h-1/webhooks/w-1/deliveries/d-1, partner",
			"/api/slots/holds/h-1, scheduling", "/api/appointments/chains/c-1, scheduling" })
	void eachPathPrefixIsRoutedToItsService(String path, String service) {
		assertAnsweredBy(service, path);

		assertThat(services.get(service).received()).extracting(ReceivedRequest::uri).containsExactly(path);
		services.forEach((name, stub) -> {
			if (!name.equals(service)) {
				assertThat(stub.received()).as(name).isEmpty();
			}
		});
	}

	@Test
	void methodPathQueryAndBodyReachTheServiceUnchanged() {
		String body = "{\"slotHoldId\":\"h-9\",\"note\":\"caf\u00e9 \u00e0 8h\"}";
		scheduling.answerWith(Answer.json(201, "{\"id\":\"a-42\"}"));

		this.client.post()
			.uri("/api/appointments/a-42/confirm?notify=sms&lang=fr")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.json("{\"id\":\"a-42\"}");

		ReceivedRequest received = scheduling.lastReceived();
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.uri()).isEqualTo("/api/appointments/a-42/confirm?notify=sms&lang=fr");
		assertThat(received.body()).isEqualTo(body);
		assertThat(received.header("Content-Type")).startsWith("application/json");
	}

	@Test
	void acceptableCorrelationIdIsForwardedAndReturnedOnce() {
		String id = "front-end:req.42_a-B";

		List<String> returned = this.client.get()
			.uri("/api/partners/h-1")
			.header("X-Correlation-Id", id)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.get("X-Correlation-Id");

		assertThat(returned).containsExactly(id);
		assertThat(partner.lastReceived().header("X-Correlation-Id")).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "has spaces", "semi;colon", "<script>",
			"an-id-that-is-far-too-long-to-be-accepted-by-the-gateway-0123456789" })
	void malformedCorrelationIdIsReplacedByAGeneratedOne(String malformed) {
		String returned = correlationIdAnswered(
				this.client.get().uri("/api/quotes/q-1").header("X-Correlation-Id", malformed));

		assertThat(UUID.fromString(returned)).isNotNull();
		assertThat(billing.lastReceived().header("X-Correlation-Id")).isEqualTo(returned);
	}

	@Test
	void missingCorrelationIdIsGeneratedAndForwarded() {
		String returned = correlationIdAnswered(this.client.get().uri("/api/patients/p-1"));

		assertThat(UUID.fromString(returned)).isNotNull();
		assertThat(patient.lastReceived().header("X-Correlation-Id")).isEqualTo(returned);
	}

	@Test
	void problemFromAServicePassesThroughUnchanged() {
		String problem = "{\"type\":\"https://parcours.care/problems/slot-taken\",\"title\":\"Conflict\","
				+ "\"status\":409,\"detail\":\"The slot is no longer free.\",\"instance\":\"/api/appointments\"}";
		scheduling.answerWith(Answer.problem(409, problem));

		String body = this.client.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).isEqualTo(problem);
	}

	@Test
	void serverErrorFromAServiceIsNeitherRetriedNorRewritten() {
		String problem = "{\"type\":\"https://parcours.care/problems/internal-error\",\"status\":500}";
		partner.answerWith(Answer.problem(500, problem));

		this.client.get()
			.uri("/api/practitioners/pr-1")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody(String.class)
			.isEqualTo(problem);

		assertThat(partner.received()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/unknown/1", "/", "/api", "/apiary/patients" })
	void unknownPathAnswers404Problem(String path) {
		expectProblem(this.client.get().uri(path).exchange(), 404, "not-found", path);

		services.values().forEach((stub) -> assertThat(stub.received()).isEmpty());
	}

	@Test
	void unsupportedMethodAnswers405ProblemNamingTheAllowedOnes() {
		var result = expectProblem(this.client.delete().uri("/swagger-ui.html").exchange(), 405, "method-not-allowed",
				"/swagger-ui.html");

		assertThat(result.getResponseHeaders().getAllow()).isNotEmpty();
	}

	@Test
	void probesAndMetricsAreExposedForOperationsOnTheManagementPort() {
		this.client.get().uri("/api/partners/h-1").exchange().expectStatus().isOk();

		WebTestClient operations = Scrape.operations(this.managementPort);
		operations.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		operations.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		String metrics = Scrape.metrics(this.managementPort);

		assertThat(metrics).contains("application=\"gateway\"")
			.containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"partner-service\"")
			.containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"partner-service\",state=\"closed\"} 1");
		// Route ids name the routes; where the services and Redis live (all on 127.0.0.1
		// here) adds nothing to a dashboard.
		assertThat(metrics).doesNotContain("127.0.0.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
			"/actuator" })
	void thePublicPortServesNoActuatorEndpointEvenWithAToken(String path) {
		expectProblem(this.client.get().uri(path).exchange(), 404, "not-found", path);
	}

	private static String correlationIdAnswered(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Correlation-Id");
	}

}
