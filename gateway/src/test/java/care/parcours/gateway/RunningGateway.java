package care.parcours.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port, trusting this run's test keys, with a client to call it
 * through and the port its metrics are scraped from. A test class puts the services it
 * needs behind it: each a {@link DownstreamStub} registered as an extension, its URL
 * given in a {@link DynamicPropertySource} of the class; settings of the class go in a
 * {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class RunningGateway {

	@Autowired
	WebTestClient client;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void trustTestKeys(DynamicPropertyRegistry registry) {
		TestTokens.trustTestKeys(registry);
	}

	/**
	 * Every {@code /api} path needs a token: for a class about what happens after, each
	 * request carries a coordinator's.
	 */
	void signInAsCoordinator() {
		this.client = this.client.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forUser("coordinator-1")))
			.build();
	}

	/**
	 * A GET of {@code path} is answered 200 by the stub standing in for {@code service}.
	 */
	void assertAnsweredBy(String service, String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service);
	}

}
