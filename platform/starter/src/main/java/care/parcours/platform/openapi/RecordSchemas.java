package care.parcours.platform.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Two rules for the schemas of records. A record component is {@code required} unless it
 * is {@link Nullable}: answers omit null properties, so a client may rely on every
 * required property being there and on no property ever being {@code null}. And a schema
 * name belongs to one type: two types that would share one (two nested {@code RuleForm}s,
 * say) fail the document instead of one silently documenting the other's fields; name one
 * with {@code @Schema(name = ...)}.
 */
public class RecordSchemas implements ModelConverter {

	private static final String REF_PREFIX = "#/components/schemas/";

	private final Map<String, Class<?>> owners = new ConcurrentHashMap<>();

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> schema = chain.next().resolve(type, context, chain);
		if (schema == null || type.getType() == null) {
			return schema;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		String name = schema.getName() != null ? schema.getName()
				: schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)
						? schema.get$ref().substring(REF_PREFIX.length()) : null;
		if (name == null) {
			return schema;
		}
		Class<?> owner = owners.putIfAbsent(name, raw);
		if (owner != null && owner != raw) {
			throw new IllegalStateException("Two types map to the schema name " + name + ": " + owner.getName()
					+ " and " + raw.getName() + "; give one of them a unique @Schema(name = ...)");
		}
		if (raw.isRecord()) {
			Schema<?> model = schema.getProperties() != null ? schema : context.getDefinedModels().get(name);
			if (model != null && model.getProperties() != null) {
				model.setRequired(required(raw, model));
			}
		}
		return schema;
	}

	static @Nullable List<String> required(Class<?> record, Schema<?> model) {
		List<String> required = new ArrayList<>();
		for (RecordComponent component : record.getRecordComponents()) {
			boolean nullable = component.isAnnotationPresent(Nullable.class)
					|| component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			if (!nullable && model.getProperties().containsKey(component.getName())) {
				required.add(component.getName());
			}
		}
		return required.isEmpty() ? null : required;
	}

}
