package care.parcours.system.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Stands where the OpenTelemetry Collector stands under docker compose: every process of
 * the platform exports its spans here over OTLP/HTTP (protobuf), and the tests look for
 * the spans of their own traces.
 */
final class TraceReceiver implements AutoCloseable {

	/** Plenty for a run of the system tests; a runaway exporter cannot fill the heap. */
	private static final int MAX_SPANS = 500_000;

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	/**
	 * One span as the platform exported it.
	 *
	 * @param service the exporting process ({@code service.name})
	 * @param traceId the trace id, in hex
	 * @param spanId the span id, in hex
	 * @param parentSpanId the parent's span id, in hex; empty for a root span
	 * @param name the span's name
	 * @param kind the span's kind: SERVER, CLIENT, PRODUCER, CONSUMER or INTERNAL
	 */
	record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind) {

	}

	private TraceReceiver(HttpServer server) {
		this.server = server;
	}

	static TraceReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TraceReceiver receiver = new TraceReceiver(server);
			server.createContext("/v1/traces", receiver::receive);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the trace receiver", ex);
		}
	}

	/** Where the platform's OTLP/HTTP span exporters send. */
	URI tracesEndpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
	}

	/** Every span of a trace received so far. */
	List<ReceivedSpan> trace(String traceId) {
		return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
	}

	Optional<ReceivedSpan> span(String traceId, String spanId) {
		return spans.stream()
			.filter(span -> span.traceId().equals(traceId) && span.spanId().equals(spanId))
			.findFirst();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange) {
			ExportTraceServiceRequest request;
			try (InputStream body = body(exchange)) {
				request = ExportTraceServiceRequest.parseFrom(body);
			}
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter(attribute -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map(value -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (Span span : scope.getSpansList()) {
						if (spans.size() < MAX_SPANS) {
							spans.add(new ReceivedSpan(service, hex(span.getTraceId().toByteArray()),
									hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
									span.getName(), span.getKind().name().replace("SPAN_KIND_", "")));
						}
					}
				}
			}
			byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
			if (answer.length > 0) {
				exchange.getResponseBody().write(answer);
			}
		}
	}

	private static InputStream body(HttpExchange exchange) throws IOException {
		InputStream body = exchange.getRequestBody();
		return "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
				? new GZIPInputStream(body) : body;
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
