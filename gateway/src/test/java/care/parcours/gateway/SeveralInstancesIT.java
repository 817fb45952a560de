package care.parcours.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a service behind one route, given as a comma-separated list: the
 * requests go to both in turn, and with one stopped every read is still answered by the
 * other, and writes go to it alone.
 */
// Longer than the test: a stopped instance stays passed over throughout.
@TestPropertySource(properties = "parcours.gateway.refused-pause=60s")
class SeveralInstancesIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub scheduling1 = DownstreamStub.start("scheduling-1");

	@RegisterExtension
	static final DownstreamStub scheduling2 = DownstreamStub.start("scheduling-2");

	@RegisterExtension
	static final DownstreamStub billing1 = DownstreamStub.start("billing-1");

	// A stopped instance: nothing listens on its port.
	static final int stoppedBillingPort = DownstreamStub.unusedPort();

	@RegisterExtension
	static final DownstreamStub partner = DownstreamStub.start("partner");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_SCHEDULING_URL", () -> scheduling1.url() + "," + scheduling2.url());
		registry.add("PARCOURS_BILLING_URL", () -> billing1.url() + ", http://127.0.0.1:" + stoppedBillingPort);
		registry.add("PARCOURS_PARTNER_URL", partner::url);
	}

	@BeforeEach
	void signIn() {
		signInAsCoordinator();
	}

	@Test
	void requestsGoToBothInstancesInTurn() {
		for (int i = 0; i < 10; i++) {
			this.client.get().uri("/api/slots/s-" + i).exchange().expectStatus().isOk();
		}

		assertThat(scheduling1.received()).hasSize(5);
		assertThat(scheduling2.received()).hasSize(5);
		assertThat(scheduling1.received()).allSatisfy((request) -> assertThat(request.uri()).startsWith("/api/slots/"));
	}

	@Test
	void withOneOfTwoInstancesStoppedReadsAreAnsweredAndWritesGoToTheOther() {
		for (int i = 0; i < 10; i++) {
			assertAnsweredBy("billing-1", "/api/invoices/inv-" + i);
		}
		// A refused read marked the stopped instance: no write is sent its way.
		for (int i = 0; i < 4; i++) {
			this.client.post()
				.uri("/api/payments")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"invoiceId\":\"inv-" + i + "\"}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(billing1.received()).hasSize(14);
	}

}
