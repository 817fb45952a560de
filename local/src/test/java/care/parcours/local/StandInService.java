package care.parcours.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service stand-in for the supervision tests: a plain JVM, started like a service, that
 * answers {@code /actuator/health/readiness} on {@code MANAGEMENT_SERVER_PORT} when it is
 * given (the gateway, the authorization server), else on {@code SERVER_PORT}.
 * {@code STAND_IN} says how it behaves: {@code ready} (after {@code NOT_READY_ANSWERS}
 * answers of 503), {@code fail} (writes 40 lines and exits with 3),
 * {@code ignore-sigterm} (its shutdown never ends, so only SIGKILL stops it).
 */
public final class StandInService {

	private StandInService() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> env = System.getenv();
		String behaviour = env.getOrDefault("STAND_IN", "ready");
		System.out.println("stand-in pid " + ProcessHandle.current().pid() + " behaviour " + behaviour);
		// What the platform told it, for the tests to check the service contract.
		new TreeMap<>(env).forEach((name, value) -> {
			if (name.startsWith("SPRING_") || name.startsWith("PARCOURS_") || name.endsWith("SERVER_PORT")) {
				System.out.println("env " + name + "=" + value);
			}
		});
		if (behaviour.equals("fail")) {
			for (int line = 1; line <= 40; line++) {
				System.out.printf("failure detail %02d%n", line);
			}
			System.exit(3);
		}
		int notReadyAnswers = Integer.parseInt(env.getOrDefault("NOT_READY_ANSWERS", "0"));
		AtomicInteger answers = new AtomicInteger();
		int port = Integer.parseInt(env.getOrDefault("MANAGEMENT_SERVER_PORT", env.get("SERVER_PORT")));
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/actuator/health/readiness", (exchange) -> {
			int answer = answers.incrementAndGet();
			boolean ready = answer > notReadyAnswers;
			System.out.println("readiness answer " + answer + (ready ? " ready" : " not ready"));
			respond(exchange, ready ? 200 : 503, ready ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}");
		});
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("stand-in stopping gracefully");
			if (behaviour.equals("ignore-sigterm")) {
				awaitForever();
			}
			server.stop(0);
		}));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void awaitForever() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
