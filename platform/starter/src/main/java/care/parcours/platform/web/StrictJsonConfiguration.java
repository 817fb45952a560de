package care.parcours.platform.web;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Request bodies mean what they say: a number is not silently accepted as a text, a text
 * not as a number, a fraction not as a whole number, a missing number not read as zero,
 * and nothing may follow the JSON document. Dates, times and durations are RFC 3339 / ISO
 * 8601 strings only: Jackson would otherwise read {@code 1700000000} as seconds since
 * 1970 and {@code [2026,1,1]} as a date, which no client of ours means. Wrong types
 * become 400 problems naming the field instead of data nobody meant.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("parcours-text-only-time").setDeserializerModifier(new TextOnlyTime()));
	}

	/** Puts {@link TextOnly} in front of every {@code java.time} deserializer. */
	static final class TextOnlyTime extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
				ValueDeserializer<?> deserializer) {
			Class<?> type = beanDesc.getBeanClass();
			boolean time = Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type);
			return time && type.getPackageName().equals("java.time") ? new TextOnly(deserializer) : deserializer;
		}

	}

	/** Refuses any JSON token but a string before the wrapped deserializer sees it. */
	static final class TextOnly extends DelegatingDeserializer {

		TextOnly(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new TextOnly(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return context.handleUnexpectedToken(handledType(), parser);
			}
			return super.deserialize(parser, context);
		}

	}

}
