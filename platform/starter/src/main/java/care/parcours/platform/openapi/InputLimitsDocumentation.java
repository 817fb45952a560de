package care.parcours.platform.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import care.parcours.platform.web.InputLimits;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Shows in the documents the bounds {@code RequestBodySizes} holds request bodies to:
 * every string of a request body without a {@code maxLength} of its own gets
 * {@link InputLimits#MAX_STRING_LENGTH}, every array without a {@code maxItems}
 * {@link InputLimits#MAX_ITEMS}. Dates, ids and enumerations get the length their format
 * allows.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class InputLimitsDocumentation {

	private static final String REF_PREFIX = "#/components/schemas/";

	@Bean
	OpenApiCustomizer inputLimits() {
		return InputLimitsDocumentation::bound;
	}

	static void bound(OpenAPI openApi) {
		Map<String, Schema> named = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
		Deque<Schema<?>> pending = new ArrayDeque<>();
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.values()
				.forEach(path -> path.readOperations()
					.stream()
					.map(Operation::getRequestBody)
					.filter(body -> body != null && body.getContent() != null)
					.forEach(body -> body.getContent()
						.values()
						.stream()
						.map(MediaType::getSchema)
						.forEach(pending::add)));
		}
		Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
		Set<String> seenNames = new HashSet<>();
		while (!pending.isEmpty()) {
			Schema<?> schema = pending.pop();
			if (schema == null || !seen.add(schema)) {
				continue;
			}
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(REF_PREFIX.length());
				if (named != null && seenNames.add(name) && named.get(name) != null) {
					pending.push(named.get(name));
				}
				continue;
			}
			limit(schema);
			if (schema.getProperties() != null) {
				schema.getProperties().values().forEach(pending::push);
			}
			if (schema.getItems() != null) {
				pending.push(schema.getItems());
			}
			if (schema.getAllOf() != null) {
				schema.getAllOf().forEach(pending::push);
			}
			if (schema.getOneOf() != null) {
				schema.getOneOf().forEach(pending::push);
			}
			if (schema.getAnyOf() != null) {
				schema.getAnyOf().forEach(pending::push);
			}
			if (schema.getAdditionalProperties() instanceof Schema<?> values) {
				pending.push(values);
			}
		}
	}

	private static void limit(Schema<?> schema) {
		if (is(schema, "string") && schema.getMaxLength() == null) {
			schema.setMaxLength(maxLength(schema));
		}
		if (is(schema, "array") && schema.getMaxItems() == null) {
			schema.setMaxItems(InputLimits.MAX_ITEMS);
		}
	}

	/**
	 * Dates, ids and enumerations are bounded by their format already; the document says
	 * so in numbers, for clients and linters that only read {@code maxLength}.
	 */
	private static int maxLength(Schema<?> schema) {
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().stream().mapToInt((value) -> String.valueOf(value).length()).max().orElse(0);
		}
		return switch (schema.getFormat() == null ? "" : schema.getFormat()) {
			case "uuid" -> 36;
			case "date" -> 10;
			case "time", "partial-time" -> 18;
			case "date-time" -> 35;
			default -> InputLimits.MAX_STRING_LENGTH;
		};
	}

	private static boolean is(Schema<?> schema, String type) {
		return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
	}

}
