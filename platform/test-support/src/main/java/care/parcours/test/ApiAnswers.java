package care.parcours.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Checks answers against a service's OpenAPI document: the status is one the operation
 * documents, every header the document marks required is there, and the body has a
 * documented media type and validates against its schema. A path the document does not
 * describe (actuator, the document itself, an unknown path) is not checked.
 */
public final class ApiAnswers {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final JsonNode document;

	private final String name;

	private final List<Route> routes = new ArrayList<>();

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private record Route(String template, Pattern pattern, int variables) {

	}

	private ApiAnswers(String name, JsonNode document) {
		this.name = name;
		this.document = document;
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			String template = path.getKey();
			String regex = "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
			routes.add(new Route(template, Pattern.compile(regex), template.split("\\{", -1).length - 1));
		}
		// Literal segments win over variables: /api/partners/search before
		// /api/partners/{id}.
		routes.sort(Comparator.comparingInt(Route::variables));
	}

	private record Loaded(java.nio.file.attribute.FileTime modified, ApiAnswers answers) {

	}

	private static final Map<Path, Loaded> COMMITTED = new ConcurrentHashMap<>();

	/**
	 * The answers the service's committed document {@code docs/openapi/<service>.json}
	 * promises, or null when it has none or {@code -Dparcours.openapi.update=true} is
	 * regenerating it. Read again when the file changes.
	 */
	public static @Nullable ApiAnswers committed(String service) {
		Path document = ApiContract.committedDocument(service);
		try {
			if (ApiContract.updating() || !Files.exists(document)) {
				return null;
			}
			java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(document);
			return COMMITTED.compute(document, (path, loaded) -> loaded != null && loaded.modified().equals(modified)
					? loaded : new Loaded(modified, of(path)))
				.answers();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The answers a document promises, read from a JSON file. */
	public static ApiAnswers of(Path document) {
		try {
			return new ApiAnswers(document.getFileName().toString(), JSON.readTree(Files.readString(document)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The answers a document promises. */
	public static ApiAnswers of(String name, JsonNode document) {
		return new ApiAnswers(name, document);
	}

	/**
	 * What is wrong with one answer, empty when the document describes it.
	 * @param method the request's method
	 * @param path the request's path, without the query
	 * @param status the answer's status
	 * @param headers the answer's headers
	 * @param body the answer's body, empty when it has none
	 */
	public List<String> mismatches(String method, String path, int status, HttpHeaders headers, byte[] body) {
		Route route = routes.stream().filter((r) -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
		if (route == null) {
			return List.of();
		}
		JsonNode operation = document.path("paths").path(route.template()).path(method.toLowerCase(Locale.ROOT));
		if (operation.isMissingNode()) {
			return List.of();
		}
		String where = method.toUpperCase(Locale.ROOT) + " " + route.template() + " -> " + status + " (" + name + ")";
		JsonNode responses = operation.path("responses");
		String code = Integer.toString(status);
		JsonNode response = responses.has(code) ? responses.get(code) : responses.has(code.charAt(0) + "XX")
				? responses.get(code.charAt(0) + "XX") : responses.get("default");
		if (response == null) {
			return List
				.of(where + ": status " + status + " is not documented; documented: " + responses.propertyNames());
		}
		response = resolve(response);
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
			JsonNode definition = resolve(header.getValue());
			if (definition.path("required").asBoolean(false) && !headers.containsHeader(header.getKey())) {
				mismatches.add(where + ": documented header " + header.getKey() + " is missing");
			}
		}
		JsonNode content = response.path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			if (body.length > 0) {
				mismatches.add(where + ": a body was sent where the document promises none");
			}
			return mismatches;
		}
		MediaType type = headers.getContentType();
		if (type == null) {
			mismatches.add(where + ": no Content-Type; documented: " + content.propertyNames());
			return mismatches;
		}
		String documented = content.propertyNames()
			.stream()
			.filter((candidate) -> MediaType.parseMediaType(candidate).equalsTypeAndSubtype(type))
			.findFirst()
			.orElse(null);
		if (documented == null) {
			mismatches
				.add(where + ": media type " + type + " is not documented; documented: " + content.propertyNames());
			return mismatches;
		}
		JsonNode schema = content.get(documented).get("schema");
		MediaType documentedType = MediaType.parseMediaType(documented);
		boolean json = documentedType.isCompatibleWith(MediaType.APPLICATION_JSON)
				|| documentedType.getSubtype().endsWith("+json");
		// A download (a PDF, an image) has a schema of binary string: its bytes are
		// the document itself, there is nothing to parse.
		if (schema == null || !json) {
			return mismatches;
		}
		if (body.length == 0) {
			mismatches.add(where + ": no body where the document promises " + documented);
			return mismatches;
		}
		JsonNode answer;
		try {
			answer = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			mismatches.add(where + ": the body is not JSON");
			return mismatches;
		}
		String pointer = "/paths/" + escape(route.template()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/"
				+ code + "/content/" + escape(documented) + "/schema";
		Schema compiled = schemas.computeIfAbsent(pointer, (key) -> compile(schema));
		for (Error error : compiled.validate(answer)) {
			mismatches.add(where + ": body at " + error.getInstanceLocation() + " " + error.getMessage() + " (schema "
					+ pointer + ")");
		}
		return mismatches;
	}

	/** Throws an {@link AssertionError} naming each mismatch of the answer. */
	public void verify(String method, String path, int status, HttpHeaders headers, byte[] body) {
		List<String> mismatches = mismatches(method, path, status, headers, body);
		if (!mismatches.isEmpty()) {
			throw new AssertionError("The answer does not match the committed OpenAPI document docs/openapi/" + name
					+ " (fix the document or the code, never this check):\n  " + String.join("\n  ", mismatches));
		}
	}

	private Schema compile(JsonNode schema) {
		ObjectNode root = (ObjectNode) schema.deepCopy();
		// References name #/components/...: keep them resolvable from this root.
		root.set("components", document.path("components"));
		return SCHEMAS.getSchema(root);
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			String ref = current.get("$ref").asString();
			@Nullable JsonNode target = ref.startsWith("#") ? document.at(ref.substring(1)) : null;
			if (target == null || target.isMissingNode()) {
				throw new AssertionError("Unresolvable $ref " + ref + " in docs/openapi/" + name);
			}
			current = target;
		}
		return current;
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

}
