package care.parcours.system.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook receiver, written as a partner would from the Standard Webhooks
 * scheme alone (nothing of partner-service's code): it keeps every message it is sent and
 * answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

	/** A message as it arrived: the three Standard Webhooks headers and the raw body. */
	record Message(String id, String timestamp, String signature, String body) {

		/**
		 * Whether the message is signed with the endpoint's secret ({@code whsec_} and
		 * the key in base64): one of the space-separated {@code v1,<base64>} signatures
		 * must be the HMAC-SHA256 of {@code id.timestamp.body}, compared in constant
		 * time, and the timestamp must be recent (Standard Webhooks' five minutes), so
		 * that a replayed old message is refused.
		 */
		boolean isSignedWith(String secret, Instant now) {
			Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
			if (Duration.between(sent, now).abs().compareTo(Duration.ofMinutes(5)) > 0) {
				return false;
			}
			byte[] expected = ("v1," + hmac(secret, id + "." + timestamp + "." + body))
				.getBytes(StandardCharsets.US_ASCII);
			for (String candidate : signature.split(" ")) {
				if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
					return true;
				}
			}
			return false;
		}

		private static String hmac(String secret, String content) {
			byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
			}
		}

	}

	private final HttpServer server;

	private final List<Message> received = new CopyOnWriteArrayList<>();

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	/**
	 * A receiver on a free loopback port: the local platform accepts plain http endpoints
	 * on loopback addresses only.
	 */
	static WebhookReceiver start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			WebhookReceiver receiver = new WebhookReceiver(server);
			server.createContext("/hooks", receiver::receive);
			server.start();
			return receiver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
	}

	List<Message> received() {
		return List.copyOf(received);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			var headers = exchange.getRequestHeaders();
			received.add(new Message(String.valueOf(headers.getFirst("webhook-id")),
					String.valueOf(headers.getFirst("webhook-timestamp")),
					String.valueOf(headers.getFirst("webhook-signature")),
					new String(body.readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
