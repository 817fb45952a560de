package care.parcours.gateway;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.gateway.DownstreamStub.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is a hop of the caller's trace, not its end: the service receives a W3C
 * {@code traceparent} of the same trace, naming the gateway's own span as its parent, and
 * the correlation id beside it.
 */
@AutoConfigureTracing
class TracePropagationIT extends RunningGateway {

	@RegisterExtension
	static final DownstreamStub scheduling = DownstreamStub.start("scheduling");

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("PARCOURS_SCHEDULING_URL", scheduling::url);
	}

	@Test
	void theServiceContinuesTheCallersTraceThroughTheGatewaysSpan() {
		byte[] random = new byte[16];
		ThreadLocalRandom.current().nextBytes(random);
		String traceId = HexFormat.of().formatHex(random);
		String callerSpan = "00f067aa0ba902b7";

		this.client.get()
			.uri("/api/appointments/a-1")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forUser("coordinator-1")))
			.header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
			.header("X-Correlation-Id", "corr-traced")
			.exchange()
			.expectStatus()
			.isOk();

		ReceivedRequest forwarded = scheduling.lastReceived();
		assertThat(forwarded.header("traceparent")).as("traceparent forwarded to scheduling-service")
			.matches("00-" + traceId + "-[0-9a-f]{16}-01")
			.doesNotContain(callerSpan);
		assertThat(forwarded.header("X-Correlation-Id")).isEqualTo("corr-traced");
	}

}
