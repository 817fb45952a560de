package care.parcours.platform.testapp.reservation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the reservations API, as the access rules say. A real service's
 * {@code *SecurityIT} extends {@code ApiContractTests}, which checks every operation of
 * its committed OpenAPI document for 401 and 403; the test service has no committed
 * document (its other endpoints exist to test the starter), so the same checks are
 * spelled out here, with the role matrix beside them.
 */
@ParcoursTest(classes = TestApplication.class)
class ReservationSecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient http;

	@Autowired
	Things things;

	@Test
	void withoutATokenEveryOperationIs401() throws Exception {
		for (String[] operation : new String[][] { { "POST", "/reservations" },
				{ "GET", "/reservations/" + UUID.randomUUID() },
				{ "POST", "/reservations/" + UUID.randomUUID() + "/cancel" } }) {
			HttpResponse<String> response = withoutToken(operation[0], operation[1]);

			assertThat(response.statusCode()).as("%s %s", operation[0], operation[1]).isEqualTo(401);
		}
	}

	@Test
	void aTokenWithoutARoleIsRefusedEveryOperation() {
		String noRole = TestTokens.staff().bearer();

		place(noRole).expectStatus().isForbidden();
		http.get()
			.uri("/reservations/{id}", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, noRole)
			.exchange()
			.expectStatus()
			.isForbidden();
		http.post()
			.uri("/reservations/{id}/cancel", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, noRole)
			.header(HttpHeaders.IF_MATCH, "\"0\"")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void operationsReadButDoNotReserve() {
		String ops = TestTokens.staff("ops").bearer();

		place(ops).expectStatus().isForbidden();
		http.get()
			.uri("/reservations/{id}", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, ops)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void billingStaffAndPartnersAreRefused() {
		place(TestTokens.staff("billing").bearer()).expectStatus().isForbidden();
		place(TestTokens.partner(UUID.randomUUID()).bearer()).expectStatus().isForbidden();
	}

	@Test
	void coordinatorsAndAssistantsReserve() {
		place(TestTokens.staff("coordinator").bearer()).expectStatus().isCreated();
		place(TestTokens.staff("assistant").bearer()).expectStatus().isCreated();
	}

	/** Each call reserves a new thing, so that two allowed calls never collide. */
	private RestTestClient.ResponseSpec place(String authorization) {
		UUID thing = things.create(UUID.randomUUID(), "rope", "SMALL").id();
		return http.post()
			.uri("/reservations")
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"thingId\": \"" + thing + "\", \"day\": \"2030-01-01\"}")
			.exchange();
	}

	private HttpResponse<String> withoutToken(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

}
