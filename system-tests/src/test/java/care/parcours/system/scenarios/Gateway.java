package care.parcours.system.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A client of the platform's gateway, as a front end would be. */
final class Gateway {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI base;

	private final String clientId;

	private final String clientSecret;

	private volatile String bearer;

	/**
	 * A client calling as the local platform's demo client of the role,
	 * {@code demo-<role>}.
	 */
	Gateway(URI base, String role) {
		this(base, "demo-" + role, "demo-secret");
	}

	/** A client calling with the credentials of a client, a partner's say. */
	Gateway(URI base, String clientId, String clientSecret) {
		this.base = base;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/**
	 * The same client calling another address with the same token: one instance of a
	 * service directly, say, past the gateway.
	 */
	Gateway at(URI otherBase) {
		Gateway other = new Gateway(otherBase, clientId, clientSecret);
		other.bearer = bearer();
		return other;
	}

	/**
	 * The same address called with a token got otherwise: a person's, after logging in.
	 */
	Gateway withToken(String accessToken) {
		Gateway other = new Gateway(base, clientId, clientSecret);
		other.bearer = "Bearer " + accessToken;
		return other;
	}

	/** Where this client sends its requests. */
	URI base() {
		return base;
	}

	/** The same gateway, called with the demo client of another role. */
	Gateway as(String otherRole) {
		return new Gateway(base, otherRole);
	}

	/**
	 * A token of the client, by the client-credentials grant through the gateway as a
	 * partner system or a script would get one.
	 */
	String bearer() {
		if (bearer == null) {
			String basic = java.util.Base64.getEncoder()
				.encodeToString((clientId + ":" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			Answer token = exchange(
					HttpRequest.newBuilder(base.resolve("/oauth2/token"))
						.header("Authorization", "Basic " + basic)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")),
					Duration.ofSeconds(10));
			if (token.status() != 200) {
				throw new IllegalStateException(
						"No token for " + clientId + ": " + token.status() + " " + token.body());
			}
			bearer = "Bearer " + token.body().path("access_token").asString();
		}
		return bearer;
	}

	/** A GET without any token. */
	Answer getAnonymously(String path) {
		return exchange(HttpRequest.newBuilder(base.resolve(path)).GET(), Duration.ofSeconds(10));
	}

	/**
	 * An answer: status, content type and body as JSON (missing when the body is not
	 * JSON).
	 */
	/**
	 * A POST without any token but with headers of the caller's own, as a payment
	 * provider sends its signed notifications: the body goes as these exact bytes.
	 */
	Answer postAnonymously(String path, byte[] body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		return exchange(request, Duration.ofSeconds(10));
	}

	record Answer(int status, String contentType, JsonNode body, Duration took, HttpHeaders headers, byte[] bytes) {

		/** The answer's {@code ETag}, the version an edit names in {@code If-Match}. */
		String etag() {
			return headers.firstValue("ETag").orElseThrow(() -> new AssertionError("No ETag, status " + status));
		}

	}

	Answer get(String path) {
		return send(HttpRequest.newBuilder(base.resolve(path)).GET(), Duration.ofSeconds(10));
	}

	/** A GET that must be answered within {@code limit}, or the exchange fails. */
	Answer get(String path, Duration limit) {
		return send(HttpRequest.newBuilder(base.resolve(path)).GET(), limit);
	}

	Answer post(String path, String json) {
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(10));
	}

	/** A POST with an {@code Idempotency-Key}: sent again, it has its effect once. */
	Answer postOnce(String path, String json, String idempotencyKey) {
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(10));
	}

	/** A POST on the version {@code ifMatch} names, as an edit or a withdrawal is. */
	Answer post(String path, String json, String ifMatch) {
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(10));
	}

	/** A POST with headers of the caller's own, such as a W3C {@code traceparent}. */
	Answer post(String path, String json, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request, Duration.ofSeconds(10));
	}

	Answer put(String path, String json, String ifMatch) {
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/json")
			.header("If-Match", ifMatch)
			.PUT(HttpRequest.BodyPublishers.ofString(json)), Duration.ofSeconds(10));
	}

	/**
	 * A {@code multipart/form-data} POST of one file, in part {@code file}, beside plain
	 * form fields, as a browser's upload form sends it.
	 */
	Answer upload(String path, Map<String, String> fields, String fileName, String mediaType, byte[] content) {
		String boundary = "parcours-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + mediaType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Duration.ofSeconds(10));
	}

	private Answer send(HttpRequest.Builder request, Duration limit) {
		return exchange(request.header("Authorization", bearer()), limit);
	}

	private Answer exchange(HttpRequest.Builder request, Duration limit) {
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = http.send(request.timeout(limit).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			// Only a JSON answer is read as JSON: a download is its own bytes.
			JsonNode body = MissingNode.getInstance();
			if (response.body().length > 0 && contentType.contains("json")) {
				try {
					body = JSON.readTree(response.body());
				}
				catch (RuntimeException ex) {
					body = MissingNode.getInstance();
				}
			}
			return new Answer(response.statusCode(), contentType, body, took, response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The gateway did not answer " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
