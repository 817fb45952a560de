package care.parcours.partner.webhooks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint API as the local platform runs it: loopback receivers are allowed, nothing
 * else that is not public https. Addresses are literal so that no test needs DNS.
 */
@ParcoursTest(properties = "parcours.webhooks.allow-loopback=true")
class WebhookEndpointApiIT {

	private static final List<String> BOOKED = List.of("scheduling.appointment.booked.v1");

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEndpointIsRegisteredAndItsSecretShownThenOnly() {
		UUID partner = partner();

		Registered endpoint = http.post()
			.uri("/api/partners/{id}/webhooks", partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", "https://93.184.215.14/parcours/hooks", "eventTypes", BOOKED, "description",
					"Agenda du bloc"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"0\"")
			.expectBody(Registered.class)
			.returnResult()
			.getResponseBody();

		assertThat(endpoint.secret()).matches("whsec_[A-Za-z0-9+/]{32}");
		http.get()
			.uri("/api/partners/{p}/webhooks/{e}", partner, endpoint.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.eventTypes")
			.isEqualTo(BOOKED)
			.jsonPath("$.enabled")
			.isEqualTo(true)
			.jsonPath("$.secret")
			.doesNotExist();
		http.get()
			.uri("/api/partners/{p}/webhooks/{e}", partner(), endpoint.id())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/webhook-endpoint-not-found");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					plain http to a public host | http://93.184.215.14/hook         | scheduling.appointment.booked.v1 | url
					private network             | https://10.0.0.5/hook             | scheduling.appointment.booked.v1 | url
					cloud metadata (link-local) | https://169.254.169.254/latest    | scheduling.appointment.booked.v1 | url
					unique local IPv6           | https://[fd00::1]/hook            | scheduling.appointment.booked.v1 | url
					not a URL                   | hooks.example.org                 | scheduling.appointment.booked.v1 | url
					patient events              | https://93.184.215.14/hook        | patient.patient.registered.v1    | eventTypes[0]
					unknown event type          | https://93.184.215.14/hook        | scheduling.appointment.moved.v9  | eventTypes[0]
					""")
	void unsafeUrlsAndEventsAPartnerMayNotReceiveAreRefusedAndWriteNothing(String caseName, String url, String type,
			String field) {
		UUID partner = partner();

		refusedNaming(http.post()
			.uri("/api/partners/{id}/webhooks", partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", url, "eventTypes", List.of(type)))
			.exchange(), field);

		assertThat(endpointsOf(partner)).isZero();
	}

	@Test
	void anEndpointIsEditedOnItsCurrentVersionItsSecretRotatedAndItIsRemoved() {
		UUID partner = partner();
		Registered endpoint = register(partner, "http://127.0.0.1:9/hook");
		Map<String, Object> disabled = Map.of("url", "http://127.0.0.1:9/other", "eventTypes",
				List.of("scheduling.appointment.cancelled.v1"), "enabled", false);

		edit(partner, endpoint.id(), null, disabled).expectStatus().isEqualTo(428);
		edit(partner, endpoint.id(), "\"0\"", disabled).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.enabled")
			.isEqualTo(false);
		edit(partner, endpoint.id(), "\"0\"", disabled).expectStatus().isEqualTo(409);

		Registered rotated = http.post()
			.uri("/api/partners/{p}/webhooks/{e}/secret", partner, endpoint.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Registered.class)
			.returnResult()
			.getResponseBody();
		assertThat(rotated.secret()).isNotEqualTo(endpoint.secret());
		assertThat(rotated.previousSecretExpiresAt()).isNotNull();

		remove(partner, endpoint.id(), "\"1\"").expectStatus().isEqualTo(409);
		remove(partner, endpoint.id(), "\"2\"").expectStatus().isNoContent();
		assertThat(endpointsOf(partner)).isZero();
	}

	record Registered(UUID id, String secret, String previousSecretExpiresAt) {

	}

	private Registered register(UUID partner, String url) {
		return http.post()
			.uri("/api/partners/{id}/webhooks", partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", url, "eventTypes", BOOKED))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Registered.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec edit(UUID partner, UUID endpoint, String ifMatch, Map<String, Object> body) {
		var request = http.put()
			.uri("/api/partners/{p}/webhooks/{e}", partner, endpoint)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		return request.body(body).exchange();
	}

	private RestTestClient.ResponseSpec remove(UUID partner, UUID endpoint, String ifMatch) {
		return http.delete()
			.uri("/api/partners/{p}/webhooks/{e}", partner, endpoint)
			.header("If-Match", ifMatch)
			.exchange();
	}

	private UUID partner() {
		return PartnerFixtures.clinic(http);
	}

	private long endpointsOf(UUID partner) {
		return jdbc.sql("select count(*) from webhook_endpoint where partner_id = ?")
			.param(partner)
			.query(Long.class)
			.single();
	}

}
