package care.parcours.gateway;

import org.springframework.test.web.reactive.server.WebTestClient;

/** What Prometheus reads from the gateway under test. */
final class Scrape {

	private Scrape() {
	}

	static String metrics(WebTestClient client) {
		return client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
