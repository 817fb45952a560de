package care.parcours.platform.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console=ecs}, as in the containers, each log line
 * is one ECS JSON object, and a line logged while a request is handled names its trace,
 * its span and its correlation id, so that an operator goes from a line to its trace.
 */
@ParcoursTest(classes = TestApplication.class, properties = "logging.structured.format.console=ecs")
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	RestTestClient http;

	@Test
	void aLineLoggedForARequestIsEcsJsonWithItsTraceSpanAndCorrelationIds(CapturedOutput output) {
		byte[] random = new byte[16];
		ThreadLocalRandom.current().nextBytes(random);
		String traceId = HexFormat.of().formatHex(random);

		http.get()
			.uri("/things/boom")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.header(CorrelationIds.HEADER, "corr-structured-logs")
			.exchange()
			.expectStatus()
			.isEqualTo(500);

		JsonNode line = output.getOut()
			.lines()
			.filter(text -> text.startsWith("{") && text.contains("corr-structured-logs"))
			.map(JSON::readTree)
			.filter(json -> json.path("message").asString().equals("Unexpected error"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON line of the failed request in " + output.getOut()));
		assertThat(line.path("ecs").path("version").asString()).isNotBlank();
		assertThat(line.path("service").path("name").asString()).isEqualTo("platform-test");
		assertThat(line.path("log").path("level").asString()).isEqualTo("ERROR");
		assertThat(line.path("traceId").asString()).isEqualTo(traceId);
		assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
		assertThat(line.path("correlationId").asString()).isEqualTo("corr-structured-logs");
	}

}
