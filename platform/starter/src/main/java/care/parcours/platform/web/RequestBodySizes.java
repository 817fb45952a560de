package care.parcours.platform.web;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import care.parcours.platform.domain.InvalidRequestException;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Holds every request body to {@link InputLimits}: each string and each array of it,
 * records within records included, unless the component declares its own {@code @Size}
 * (which Bean Validation then checks). Refusals name the field as the client wrote it
 * ({@code rules[2].note}) and never quote the value.
 */
@ControllerAdvice
public class RequestBodySizes extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		List<Map<String, String>> errors = new ArrayList<>();
		check(body, "", null, false, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException("validation-failed",
					errors.size() == 1 ? "The request has an invalid field." : "The request has invalid fields.",
					Map.of("errors", errors));
		}
		return body;
	}

	private static void check(@Nullable Object value, String path, @Nullable AnnotatedType declared, boolean bounded,
			List<Map<String, String>> errors) {
		switch (value) {
			case null -> {
			}
			case CharSequence text when !bounded && text.length() > InputLimits.MAX_STRING_LENGTH ->
				errors.add(error(path, "must be at most " + InputLimits.MAX_STRING_LENGTH + " characters"));
			case Collection<?> items -> {
				if (!bounded && items.size() > InputLimits.MAX_ITEMS) {
					errors.add(error(path, "must have at most " + InputLimits.MAX_ITEMS + " items"));
					return;
				}
				AnnotatedType item = typeArgument(declared, 0);
				int index = 0;
				for (Object element : items) {
					check(element, path + "[" + index++ + "]", item, sized(item), errors);
				}
			}
			case Map<?, ?> entries -> {
				if (!bounded && entries.size() > InputLimits.MAX_ITEMS) {
					errors.add(error(path, "must have at most " + InputLimits.MAX_ITEMS + " entries"));
					return;
				}
				AnnotatedType item = typeArgument(declared, 1);
				entries.forEach((key, element) -> check(element, path + "." + key, item, sized(item), errors));
			}
			case Record record -> {
				for (RecordComponent component : record.getClass().getRecordComponents()) {
					String name = path.isEmpty() ? component.getName() : path + "." + component.getName();
					boolean sized = sized(component.getAnnotatedType())
							|| component.getAccessor().isAnnotationPresent(Size.class);
					check(read(component, record), name, component.getAnnotatedType(), sized, errors);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Whether the declaration bounds its own size. A record component's {@code @Size}
	 * lands on its type use or on its accessor, depending on the annotation's targets.
	 */
	private static boolean sized(@Nullable AnnotatedType type) {
		return type != null && type.isAnnotationPresent(Size.class);
	}

	private static @Nullable AnnotatedType typeArgument(@Nullable AnnotatedType declared, int index) {
		if (declared instanceof AnnotatedParameterizedType parameterized
				&& parameterized.getAnnotatedActualTypeArguments().length > index) {
			return parameterized.getAnnotatedActualTypeArguments()[index];
		}
		return null;
	}

	private static @Nullable Object read(RecordComponent component, Record record) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

}
