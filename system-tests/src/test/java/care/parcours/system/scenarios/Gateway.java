package care.parcours.system.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
	record Answer(int status, String contentType, JsonNode body, Duration took) {

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

	private Answer send(HttpRequest.Builder request, Duration limit) {
		return exchange(request.header("Authorization", bearer()), limit);
	}

	private Answer exchange(HttpRequest.Builder request, Duration limit) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.timeout(limit).build(),
					HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			JsonNode body;
			try {
				body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
			}
			catch (RuntimeException ex) {
				body = MissingNode.getInstance();
			}
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
					took);
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
