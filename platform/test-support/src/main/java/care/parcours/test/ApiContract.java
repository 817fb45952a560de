package care.parcours.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises about its API, checked against the running service: its
 * OpenAPI document is the one checked into {@code docs/openapi}, and every operation in
 * it refuses a call without a token (401) and a token whose roles it does not admit
 * (403), both as problem details. Routes come from the document, so an endpoint added
 * later is covered without touching the test.
 */
public final class ApiContract {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private ApiContract(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** The service listening on the port. */
	public static ApiContract of(int port) {
		return new ApiContract("http://localhost:" + port);
	}

	/** An operation of the document, with its path variables filled in. */
	public record Operation(String method, String template, String path) {

		@Override
		public String toString() {
			return method + " " + template;
		}

	}

	/**
	 * The service's OpenAPI document. Its server is the configured gateway URL, not the
	 * random port the test runs on.
	 */
	public JsonNode document() {
		HttpResponse<String> response = send("GET", "/v3/api-docs", null);
		assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/**
	 * Whether this run regenerates the documents: {@code -Dparcours.openapi.update=true}.
	 */
	public static boolean updating() {
		return Boolean.getBoolean("parcours.openapi.update");
	}

	/** Where the service's document is committed: {@code docs/openapi/<service>.json}. */
	public static Path committedDocument(String service) {
		return repositoryRoot().resolve("docs/openapi").resolve(service + ".json");
	}

	/**
	 * Checks the document against {@code docs/openapi/<service>.json} at the repository
	 * root; with {@code -Dparcours.openapi.update=true} writes it there instead, for a
	 * change that means to alter the API.
	 */
	public void assertDocumentIsCommitted(String service) {
		JsonNode running = document();
		Path committed = committedDocument(service);
		try {
			if (updating() || !Files.exists(committed)) {
				Files.createDirectories(committed.getParent());
				Files.writeString(committed, JSON.writeValueAsString(running) + "\n");
			}
			assertThat(JSON.readTree(Files.readString(committed)))
				.as("%s differs from the running service's /v3/api-docs: if the change is meant, run the "
						+ "service's tests with -Dparcours.openapi.update=true and commit the file", committed)
				.isEqualTo(running);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every operation of the document, path variables filled with random ids. */
	public List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (METHODS.contains(operation.getKey())) {
					String filled = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
					operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), filled));
				}
			}
		}
		assertThat(operations).as("operations in /v3/api-docs").isNotEmpty();
		return operations;
	}

	/**
	 * Asserts that each operation but the public ones answers {@code status} as a problem
	 * when called with the given {@code Authorization} value (none when null).
	 */
	public void assertEveryOperationAnswers(int status, Function<Operation, @Nullable String> authorization,
			Set<String> publicOperations) {
		List<String> wrong = new ArrayList<>();
		for (Operation operation : operations()) {
			if (publicOperations.contains(operation.toString())) {
				continue;
			}
			HttpResponse<String> response = send(operation.method(), operation.path(), authorization.apply(operation));
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (response.statusCode() != status || !type.startsWith("application/problem+json")) {
				wrong.add(operation + " -> " + response.statusCode() + " " + type);
			}
		}
		assertThat(wrong).as("operations not answering %d problem+json", status).isEmpty();
	}

	/** Sends a request with an empty JSON object as body for writes. */
	public HttpResponse<String> send(String method, String path, @Nullable String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Accept", "application/json")
			.method(method, switch (method) {
				case "POST", "PUT", "PATCH" -> HttpRequest.BodyPublishers.ofString("{}");
				default -> HttpRequest.BodyPublishers.noBody();
			});
		if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException(
					"No repository root (a directory with mvnw) above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
