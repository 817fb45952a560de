package care.parcours.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Our ruleset for an OpenAPI document, what a partner generating a client needs: no
 * {@code *}{@code /*} media type; every operation with an operationId, summary,
 * description and declared tags, at least one 4xx answer, and examples; every error
 * answered as {@code application/problem+json} with the shared {@code Problem} schema;
 * every {@code $ref} resolvable and no two schema names alike but for case; every string
 * a request body may carry bounded by {@code maxLength} and every array by
 * {@code maxItems}; servers and a contact.
 */
public final class ApiDocumentLint {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

	private static final String PROBLEM = "#/components/schemas/Problem";

	private ApiDocumentLint() {
	}

	/** The rules the document breaks, empty when it keeps them all. */
	public static List<String> violations(JsonNode document) {
		List<String> violations = new ArrayList<>();
		if (document.path("servers").isEmpty()) {
			violations.add("no servers");
		}
		if (document.path("info").path("contact").isEmpty()) {
			violations.add("no info.contact");
		}
		if (document.path("info").path("description").asString("").isBlank()) {
			violations.add("no info.description");
		}
		Set<String> declared = new HashSet<>();
		for (JsonNode tag : document.path("tags")) {
			declared.add(tag.path("name").asString());
			if (tag.path("description").asString("").isBlank()) {
				violations.add("tag " + tag.path("name").asString() + " has no description");
			}
		}
		Map<String, String> lowerCaseNames = new HashMap<>();
		for (String name : document.path("components").path("schemas").propertyNames()) {
			String other = lowerCaseNames.put(name.toLowerCase(Locale.ROOT), name);
			if (other != null) {
				violations.add("schema names " + other + " and " + name + " differ only by case");
			}
		}
		Set<String> operationIds = new HashSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
				operation(where, entry.getValue(), document, declared, operationIds, violations);
			}
		}
		references(document, document, "", violations);
		mediaTypes(document, "", violations);
		return violations;
	}

	private static void operation(String where, JsonNode operation, JsonNode document, Set<String> declared,
			Set<String> operationIds, List<String> violations) {
		String id = operation.path("operationId").asString("");
		if (id.isBlank()) {
			violations.add(where + ": no operationId");
		}
		else if (!operationIds.add(id)) {
			violations.add(where + ": operationId " + id + " used twice");
		}
		for (String field : List.of("summary", "description")) {
			if (operation.path(field).asString("").isBlank()) {
				violations.add(where + ": no " + field);
			}
		}
		if (operation.path("tags").isEmpty()) {
			violations.add(where + ": no tags");
		}
		for (JsonNode tag : operation.path("tags")) {
			if (!declared.contains(tag.asString())) {
				violations.add(where + ": tag " + tag.asString() + " is not declared");
			}
		}
		boolean clientError = false;
		for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
			String code = response.getKey();
			if (!code.startsWith("4") && !code.startsWith("5")) {
				continue;
			}
			clientError |= code.startsWith("4");
			JsonNode content = resolve(document, response.getValue()).path("content");
			if (content.size() != 1 || !content.has("application/problem+json") || !PROBLEM
				.equals(content.path("application/problem+json").path("schema").path("$ref").asString(""))) {
				violations.add(where + " " + code + ": not application/problem+json with the Problem schema");
			}
			else if (!hasExample(content.path("application/problem+json"))) {
				violations.add(where + " " + code + ": no example");
			}
		}
		if (!clientError) {
			violations.add(where + ": no 4xx response");
		}
		JsonNode body = resolve(document, operation.path("requestBody"));
		for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
			if (!hasExample(media.getValue())) {
				violations.add(where + ": request body " + media.getKey() + " has no example");
			}
			bounded(where + " request body", media.getValue().path("schema"), document, new HashSet<>(), violations);
		}
	}

	private static boolean hasExample(JsonNode media) {
		return media.has("example") || !media.path("examples").isEmpty();
	}

	/** Every string of a request body has a maxLength, every array a maxItems. */
	private static void bounded(String where, JsonNode schema, JsonNode document, Set<String> seen,
			List<String> violations) {
		if (schema.isMissingNode() || !schema.isObject()) {
			return;
		}
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			if (seen.add(ref)) {
				bounded(where + " " + ref.substring(ref.lastIndexOf('/') + 1), resolve(document, schema), document,
						seen, violations);
			}
			return;
		}
		if (is(schema, "string") && !schema.has("maxLength")) {
			violations.add(where + ": a string without maxLength");
		}
		if (is(schema, "array") && !schema.has("maxItems")) {
			violations.add(where + ": an array without maxItems");
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			bounded(where + "." + property.getKey(), property.getValue(), document, seen, violations);
		}
		bounded(where + "[]", schema.path("items"), document, seen, violations);
		bounded(where + "{}", schema.path("additionalProperties"), document, seen, violations);
		for (String combination : List.of("allOf", "oneOf", "anyOf")) {
			for (JsonNode part : schema.path(combination)) {
				bounded(where, part, document, seen, violations);
			}
		}
	}

	private static boolean is(JsonNode schema, String type) {
		JsonNode types = schema.path("type");
		if (types.isArray()) {
			for (JsonNode each : types) {
				if (type.equals(each.asString())) {
					return true;
				}
			}
			return false;
		}
		return type.equals(types.asString(""));
	}

	private static void references(JsonNode document, JsonNode node, String at, List<String> violations) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
					String ref = entry.getValue().asString();
					if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
						violations.add("unresolvable $ref " + ref + " at " + at);
					}
				}
				else {
					references(document, entry.getValue(), at + "/" + entry.getKey(), violations);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				references(document, node.get(i), at + "/" + i, violations);
			}
		}
	}

	private static void mediaTypes(JsonNode node, String at, List<String> violations) {
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().equals("content") && entry.getValue().has("*/*")) {
				violations.add("media type */* at " + at);
			}
			if (entry.getValue().isObject()) {
				mediaTypes(entry.getValue(), at + "/" + entry.getKey(), violations);
			}
		}
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
			current = document.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

}
