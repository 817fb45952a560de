package care.parcours.platform.outbox;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.events.EventEnvelope;
import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that writes an event and the consumer that handles it are one trace: the
 * outbox stores the request's W3C context, the relay sends the event in a producer span
 * that continues it and puts {@code traceparent} on the record, and the consumer handles
 * it in a span that continues the record's.
 */
@ParcoursTest(classes = TestApplication.class,
		properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
@AutoConfigureTracing
@Import(OutboxTracingIT.Recording.class)
class OutboxTracingIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Outbox outbox;

	@Autowired
	Tracer tracer;

	@Autowired
	RecordedSpans spans;

	@Test
	void theOutboxStoresTheTraceContextOfTheWorkThatWroteTheEvent() {
		UUID thing = UUID.randomUUID();
		Span work = tracer.nextSpan().name("work").start();
		try (Tracer.SpanInScope ignored = tracer.withSpan(work)) {
			Map<String, Object> row = transactions
				.execute(status -> storedContextOf(outbox.publish(new ThingEvent.ThingChanged(thing, 0), thing, 0)));

			assertThat(row).containsEntry("traceparent",
					"00-" + work.context().traceId() + "-" + work.context().spanId() + "-01");
		}
		finally {
			work.end();
		}
	}

	@Test
	void anEventWrittenOutsideAnyTraceStoresNoContext() {
		UUID thing = UUID.randomUUID();

		Map<String, Object> row = transactions
			.execute(status -> storedContextOf(outbox.publish(new ThingEvent.ThingChanged(thing, 0), thing, 0)));

		assertThat(row).containsEntry("traceparent", null).containsEntry("tracestate", null);
	}

	@Test
	void oneRequestIsOneTraceFromTheServerThroughTheRelayToTheConsumer() {
		String traceId = randomHex(16);
		String callerSpanId = randomHex(8);
		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			String thing = http.post()
				.uri("/things")
				.header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
				.header("tracestate", "parcours=caller")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"name\": \"traced\", \"kind\": \"SMALL\", \"count\": 1}")
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("id")
				.toString();

			PublishedEvents.Received record = events.await(PublishedEvents.about(thing));

			SpanData server = spans.awaitOne(traceId, SpanKind.SERVER);
			SpanData producer = spans.awaitOne(traceId, SpanKind.PRODUCER);
			SpanData consumer = spans.awaitOne(traceId, SpanKind.CONSUMER);
			assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);
			assertThat(producer.getParentSpanId()).as("the relay's send continues the request")
				.isEqualTo(server.getSpanId());
			assertThat(producer.getName()).isEqualTo(ThingEvent.TOPIC + " send");
			assertThat(producer.getAttributes().asMap().toString()).contains("platformtest.thing.changed.v1");
			assertThat(record.header("traceparent")).isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
			assertThat(record.header("tracestate")).isEqualTo("parcours=caller");
			assertThat(consumer.getParentSpanId()).as("the consumer continues the record's context")
				.isEqualTo(producer.getSpanId());
		}
	}

	private Map<String, Object> storedContextOf(EventEnvelope envelope) {
		return jdbc.sql("select traceparent, tracestate from parcours_platform.outbox_event where event_id = :id")
			.param("id", UUID.fromString(envelope.id()))
			.query()
			.singleRow();
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		RecordedSpans recordedSpans() {
			return new RecordedSpans();
		}

	}

	/** Keeps every exported span, for the test to look for those of its trace. */
	static final class RecordedSpans implements SpanExporter {

		private final List<SpanData> spans = new CopyOnWriteArrayList<>();

		@Override
		public CompletableResultCode export(Collection<SpanData> exported) {
			spans.addAll(exported);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

		SpanData awaitOne(String traceId, SpanKind kind) {
			return await().until(() -> find(traceId, kind), Optional::isPresent).orElseThrow();
		}

		private Optional<SpanData> find(String traceId, SpanKind kind) {
			return spans.stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).findFirst();
		}

	}

}
