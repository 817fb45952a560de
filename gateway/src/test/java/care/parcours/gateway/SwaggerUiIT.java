package care.parcours.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Swagger UI over the four services' documents, each fetched through the gateway, and
 * the AsyncAPI document of the events beside it.
 */
class SwaggerUiIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub billing = DownstreamStub.start("billing");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_BILLING_URL", billing::url);
	}

	@Test
	void swaggerUiIsServedWithoutATokenUnderItsOwnContentSecurityPolicy() {
		this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/swagger-ui/index.html");

		this.client.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Content-Security-Policy", "default-src 'self'; script-src 'self'; .*");
	}

	@Test
	void swaggerUiListsEachServicesDocumentAtTheGateway() {
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.isEqualTo(List.of("billing-service", "partner-service", "patient-service", "scheduling-service"))
			.jsonPath("$.urls[?(@.name == 'billing-service')].url")
			.isEqualTo(List.of("/v3/api-docs/billing-service"));
	}

	@Test
	void eachDocumentIsTheServicesOwnFetchedWithoutAToken() {
		this.client.get()
			.uri("/v3/api-docs/billing-service")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("billing");

		assertThat(billing.lastReceived().uri()).isEqualTo("/v3/api-docs");
	}

	@Test
	void theEventContractsAreServedBesideItWithoutAToken() {
		this.client.get()
			.uri("/asyncapi/parcours-events.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/json")
			.expectBody()
			.jsonPath("$.asyncapi")
			.isEqualTo("3.0.0")
			.jsonPath("$.channels.scheduling.address")
			.isEqualTo("parcours.scheduling.v1")
			.jsonPath("$.components.messages['billing.invoice.issued.v1'].payload.allOf[1].properties.data['$ref']")
			.isEqualTo("#/components/schemas/billing.invoice.issued.v1");
	}

}
