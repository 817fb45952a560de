package care.parcours.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook receiver that can be told to misbehave: answer 204 and count each
 * message id once ({@link Mode#HEALTHY}), hold the request open without answering
 * ({@link Mode#HANGING}), or answer 500 ({@link Mode#FAILING}).
 */
final class FaultyReceiver implements AutoCloseable {

	enum Mode {

		HEALTHY, HANGING, FAILING

	}

	private final HttpServer server;

	private final Set<String> received = ConcurrentHashMap.newKeySet();

	private final AtomicInteger duplicates = new AtomicInteger();

	private volatile Mode mode = Mode.HEALTHY;

	private volatile CountDownLatch release = new CountDownLatch(1);

	FaultyReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/hooks", this::receive);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	void mode(Mode mode) {
		this.mode = mode;
		if (mode != Mode.HANGING) {
			// The hung requests are let go (the sender timed out on them long ago).
			this.release.countDown();
			this.release = new CountDownLatch(1);
		}
	}

	/** Distinct message ids answered 204. */
	int received() {
		return this.received.size();
	}

	/** Messages answered 204 whose id had been answered 204 before. */
	int duplicates() {
		return this.duplicates.get();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			switch (this.mode) {
				case HANGING -> {
					this.release.await(5, TimeUnit.MINUTES);
					exchange.sendResponseHeaders(500, -1);
				}
				case FAILING -> exchange.sendResponseHeaders(500, -1);
				case HEALTHY -> {
					if (!this.received.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")))) {
						this.duplicates.incrementAndGet();
					}
					exchange.sendResponseHeaders(204, -1);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		mode(Mode.HEALTHY);
		this.server.stop(0);
	}

}
