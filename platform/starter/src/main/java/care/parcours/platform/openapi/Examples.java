package care.parcours.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Builds an example value from a schema, so that every request body of a document shows
 * one without a hand-written example per endpoint: the schema's own example or default
 * when it has one, else a value of its type and format within its bounds.
 */
final class Examples {

	static final String UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

	private static final String REF_PREFIX = "#/components/schemas/";

	private Examples() {
	}

	@SuppressWarnings("rawtypes")
	static @Nullable Object of(@Nullable Schema<?> schema, @Nullable Map<String, Schema> named) {
		return of(schema, named, 0);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static @Nullable Object of(@Nullable Schema<?> schema, @Nullable Map<String, Schema> named, int depth) {
		if (schema == null || depth > 8) {
			return null;
		}
		if (schema.get$ref() != null) {
			Schema<?> target = named == null ? null : named.get(schema.get$ref().substring(REF_PREFIX.length()));
			return of(target, named, depth + 1);
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getDefault() != null) {
			return schema.getDefault();
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
			return of(schema.getAllOf().get(0), named, depth + 1);
		}
		if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
			return of(schema.getOneOf().get(0), named, depth + 1);
		}
		if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
			return of(schema.getAnyOf().get(0), named, depth + 1);
		}
		String type = type(schema);
		return switch (type == null ? "object" : type) {
			case "string" -> string(schema);
			case "integer" -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
			case "number" -> schema.getMinimum() != null ? schema.getMinimum() : 1.5;
			case "boolean" -> false;
			case "array" -> {
				Object item = of(schema.getItems(), named, depth + 1);
				yield item == null ? List.of() : List.of(item);
			}
			default -> {
				Map<String, Object> object = new LinkedHashMap<>();
				if (schema.getProperties() != null) {
					schema.getProperties().forEach((name, property) -> {
						Object value = of(property, named, depth + 1);
						if (value != null) {
							object.put(name, value);
						}
					});
				}
				yield object;
			}
		};
	}

	private static String string(Schema<?> schema) {
		String format = schema.getFormat() == null ? "" : schema.getFormat();
		String value = switch (format) {
			case "uuid" -> UUID;
			case "date-time" -> "2026-11-23T09:00:00Z";
			case "date" -> "2026-11-23";
			case "time" -> "09:00:00";
			case "uri", "url" -> "https://example.org/parcours";
			case "email" -> "contact@example.org";
			case "duration" -> "PT30M";
			default -> schema.getPattern() == null ? "string" : "";
		};
		if (value.isEmpty()) {
			return "string";
		}
		if (schema.getMaxLength() != null && value.length() > schema.getMaxLength()) {
			return value.substring(0, schema.getMaxLength());
		}
		return value;
	}

	static @Nullable String type(Schema<?> schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		if (schema.getTypes() != null) {
			return schema.getTypes().stream().filter((type) -> !"null".equals(type)).findFirst().orElse(null);
		}
		return null;
	}

}
