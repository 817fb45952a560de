package care.parcours.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server standing in for a Parcours service: records what reaches it and
 * answers as the test tells it to (at once, late, never, or with a problem of its own).
 * Registered as an extension on a static field, it is reset before each test and closed
 * after the test class.
 */
final class DownstreamStub implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

	private static final String CORRELATION_HEADER = "X-Correlation-Id";

	private final String service;

	private final DisposableServer server;

	private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

	private volatile Answer answer;

	private DownstreamStub(String service) {
		this.service = service;
		this.answer = Answer.json(200, "{\"service\":\"" + service + "\"}");
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
	}

	static DownstreamStub start(String service) {
		return new DownstreamStub(service);
	}

	/** A local port nothing listens on: connecting to it is refused at once. */
	static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	String service() {
		return this.service;
	}

	List<ReceivedRequest> received() {
		return List.copyOf(this.received);
	}

	ReceivedRequest lastReceived() {
		return this.received.getLast();
	}

	void answerWith(Answer answer) {
		this.answer = answer;
	}

	/** Back to answering 200 at once, with nothing recorded. */
	void reset() {
		this.received.clear();
		this.answer = Answer.json(200, "{\"service\":\"" + this.service + "\"}");
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// A @Nested class runs with its enclosing class' extensions: the stub outlives
		// it.
		if (!context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
			close();
		}
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		request.requestHeaders().forEach((header) -> headers.put(header.getKey(), header.getValue()));
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			this.received.add(new ReceivedRequest(request.method().name(), request.uri(), headers, body));
			Answer current = this.answer;
			if (current.hangs()) {
				return Mono.never();
			}
			String correlationId = headers.get(CORRELATION_HEADER);
			if (correlationId != null) {
				// As the services do: their platform filter echoes the id.
				response.header(CORRELATION_HEADER, correlationId);
			}
			return Mono.delay(current.delay())
				.then(response.status(HttpResponseStatus.valueOf(current.status()))
					.header("Content-Type", current.contentType())
					.sendString(Mono.just(current.body()))
					.then());
		});
	}

	record ReceivedRequest(String method, String uri, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

	/**
	 * @param hangs whether to leave the request unanswered until the caller gives up
	 */
	record Answer(int status, String contentType, String body, Duration delay, boolean hangs) {

		static Answer json(int status, String body) {
			return new Answer(status, "application/json", body, Duration.ZERO, false);
		}

		static Answer problem(int status, String body) {
			return new Answer(status, "application/problem+json", body, Duration.ZERO, false);
		}

		static Answer never() {
			return new Answer(504, "text/plain", "", Duration.ZERO, true);
		}

		Answer after(Duration delay) {
			return new Answer(this.status, this.contentType, this.body, delay, this.hangs);
		}

	}

}
