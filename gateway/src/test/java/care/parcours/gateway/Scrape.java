package care.parcours.gateway;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What orchestrators and Prometheus read from the gateway under test, on its management
 * port: no token, and not the port the public reaches.
 */
final class Scrape {

	private Scrape() {
	}

	static WebTestClient operations(int managementPort) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
	}

	static String metrics(int managementPort) {
		return operations(managementPort).get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
