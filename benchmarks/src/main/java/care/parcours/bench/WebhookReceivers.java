package care.parcours.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners' webhook receivers in the benchmark's process: healthy ones on one HTTP server
 * (a path each), which verify the Standard Webhooks signature, count each message id once
 * and measure how long after the event it arrived; and down ones, which either never
 * answer ({@code hang}) or refuse connections ({@code refuse}).
 */
final class WebhookReceivers implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer healthy;

	private final HttpServer hanging;

	private final CountDownLatch stop = new CountDownLatch(1);

	private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final AtomicInteger delivered = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger badSignatures = new AtomicInteger();

	private final AtomicInteger refusedOrHung = new AtomicInteger();

	private final AtomicLong lastArrival = new AtomicLong();

	private volatile Latencies latencies = new Latencies();

	WebhookReceivers() throws IOException {
		healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		healthy.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		healthy.createContext("/hook/", this::receive);
		healthy.start();
		hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		hanging.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		hanging.createContext("/down/", this::hang);
		hanging.start();
	}

	String healthyUrl(int endpoint) {
		return "http://127.0.0.1:" + healthy.getAddress().getPort() + "/hook/" + endpoint;
	}

	/**
	 * A down partner: {@code hang} never answers, {@code refuse} has nothing listening.
	 */
	String downUrl(int endpoint, String mode) throws IOException {
		if (mode.equals("refuse")) {
			try (ServerSocket socket = new ServerSocket(0)) {
				return "http://127.0.0.1:" + socket.getLocalPort() + "/down/" + endpoint;
			}
		}
		return "http://127.0.0.1:" + hanging.getAddress().getPort() + "/down/" + endpoint;
	}

	/** The secret an endpoint's messages are signed with, as registration answered it. */
	void secret(String url, String whsec) {
		keys.put(url.substring(url.indexOf("/hook/")), Base64.getDecoder().decode(whsec.substring(6)));
	}

	/** Starts counting afresh, for the next phase. */
	void reset() {
		seen.clear();
		delivered.set(0);
		duplicates.set(0);
		badSignatures.set(0);
		refusedOrHung.set(0);
		latencies = new Latencies();
	}

	int delivered() {
		return delivered.get();
	}

	int duplicates() {
		return duplicates.get();
	}

	int badSignatures() {
		return badSignatures.get();
	}

	int hungRequests() {
		return refusedOrHung.get();
	}

	long lastArrivalNanos() {
		return lastArrival.get();
	}

	/** From the event's time to its arrival here. */
	Latencies endToEnd() {
		return latencies;
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			byte[] key = keys.get(exchange.getRequestURI().getPath());
			if (key == null || !signature(key, id, timestamp, body)
				.equals(exchange.getRequestHeaders().getFirst("webhook-signature"))) {
				badSignatures.incrementAndGet();
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			if (seen.add(id)) {
				Instant eventTime = Instant.parse(JSON.readTree(body).path("timestamp").asString());
				latencies.record(System.nanoTime() - Duration.between(eventTime, Instant.now()).toNanos());
				delivered.incrementAndGet();
				lastArrival.set(System.nanoTime());
			}
			else {
				duplicates.incrementAndGet();
			}
			exchange.sendResponseHeaders(204, -1);
		}
	}

	private void hang(HttpExchange exchange) throws IOException {
		refusedOrHung.incrementAndGet();
		try (exchange) {
			stop.await(10, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String signature(byte[] key, String id, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		stop.countDown();
		healthy.stop(0);
		hanging.stop(0);
	}

}
