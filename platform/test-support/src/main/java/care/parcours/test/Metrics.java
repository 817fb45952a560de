package care.parcours.test;

import org.springframework.test.web.servlet.client.RestTestClient;

/** The service's metrics as Prometheus scrapes them. */
public final class Metrics {

	private Metrics() {
	}

	/** The text of {@code /actuator/prometheus}, read through the test's client. */
	public static String scrape(RestTestClient http) {
		return http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
