package care.parcours.partner.deliveries;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import care.parcours.partner.webhooks.WebhookSecret;
import care.parcours.partner.webhooks.WebhookSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook receiver on a real HTTP server, as a partner would write one: it
 * verifies the signature, then hands the message to an idempotent handler that
 * deduplicates on {@code webhook-id}. Tests script how it answers: fail, hang past the
 * sender's timeout (after handling the message, so that the retry is a duplicate), or
 * answer 204.
 */
final class WebhookReceiver implements AutoCloseable {

	enum Behaviour {

		/** Answers 500 without handling the message. */
		FAIL,

		/** Handles the message, then does not answer until released. */
		HANDLE_THEN_HANG,

		/** Does not answer until released, handling nothing. */
		HANG,

		/**
		 * Stalls for most of the sender's timeout, then answers 503: a slow partner whose
		 * requests end on its side when they end on the sender's.
		 */
		STALL,

		/** Handles the message and answers 204. */
		OK

	}

	/** A message the handler processed. */
	record Handled(String id, String type, String subject, long aggregateVersion, JsonNode data, String body) {

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Shorter than the 700 ms timeout of the tests' sender. */
	private static final Duration STALL = Duration.ofMillis(550);

	private final HttpServer server;

	private final ConcurrentLinkedDeque<Behaviour> script = new ConcurrentLinkedDeque<>();

	private volatile Behaviour otherwise = Behaviour.OK;

	private volatile CountDownLatch release = new CountDownLatch(1);

	private volatile WebhookSecret secret = new WebhookSecret("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

	private final List<Handled> handled = new ArrayList<>();

	private final Set<String> handledIds = ConcurrentHashMap.newKeySet();

	private final List<String> receivedIds = new ArrayList<>();

	private final List<String> traceparents = new ArrayList<>();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger badSignatures = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/hook", this::receive);
		server.start();
	}

	static WebhookReceiver start() throws IOException {
		return new WebhookReceiver();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The endpoint's secret, as the partner copied it from the registration. */
	void verifyWith(String whsec) {
		secret = new WebhookSecret(whsec);
	}

	/** The next requests' answers, in order; then {@link #otherwise}. */
	void script(Behaviour... behaviours) {
		script.addAll(List.of(behaviours));
	}

	void otherwise(Behaviour behaviour) {
		otherwise = behaviour;
	}

	/** Ends every hang and stall, now and later. */
	void releaseHangs() {
		release.countDown();
	}

	synchronized List<Handled> handled() {
		return List.copyOf(handled);
	}

	synchronized List<String> receivedIds() {
		return List.copyOf(receivedIds);
	}

	/** The W3C {@code traceparent} of each request that carried one, in arrival order. */
	synchronized List<String> traceparents() {
		return List.copyOf(traceparents);
	}

	int duplicates() {
		return duplicates.get();
	}

	int badSignatures() {
		return badSignatures.get();
	}

	int maxInFlight() {
		return maxInFlight.get();
	}

	private void receive(HttpExchange exchange) throws IOException {
		maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
			String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
			String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
			synchronized (this) {
				receivedIds.add(id);
				if (traceparent != null) {
					traceparents.add(traceparent);
				}
			}
			if (!WebhookSignature.verify(signature, id, timestamp, body, secret)) {
				badSignatures.incrementAndGet();
				respond(exchange, 401);
				return;
			}
			Behaviour behaviour = script.pollFirst();
			switch (behaviour == null ? otherwise : behaviour) {
				case FAIL -> respond(exchange, 500);
				case HANG -> {
					await(Duration.ofSeconds(10));
					respond(exchange, 503);
				}
				case STALL -> {
					await(STALL);
					respond(exchange, 503);
				}
				case HANDLE_THEN_HANG -> {
					handle(id, body);
					await(Duration.ofSeconds(10));
					respond(exchange, 204);
				}
				case OK -> {
					handle(id, body);
					respond(exchange, 204);
				}
			}
		}
	}

	/**
	 * Counts the request as over before answering: the sender may send the next at once.
	 */
	private void respond(HttpExchange exchange, int status) throws IOException {
		inFlight.decrementAndGet();
		exchange.sendResponseHeaders(status, -1);
	}

	/** The idempotent handler: a message id is handled once, whatever the retries. */
	private void handle(String id, String body) {
		if (!handledIds.add(id)) {
			duplicates.incrementAndGet();
			return;
		}
		JsonNode message = JSON.readTree(body);
		synchronized (this) {
			handled.add(new Handled(id, message.path("type").asString(), message.path("subject").asString(),
					message.path("aggregateVersion").asLong(), message.path("data"), body));
		}
	}

	private void await(Duration atMost) {
		try {
			release.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
	}

}
