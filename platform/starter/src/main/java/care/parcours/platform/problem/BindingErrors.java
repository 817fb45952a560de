package care.parcours.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * What a request got wrong, field by field, read from the exceptions of Bean Validation,
 * parameter binding and JSON reading: the {@code errors} of a validation problem. A
 * message never echoes the value sent, which may be personal data; it says what the field
 * must be.
 */
final class BindingErrors {

	private BindingErrors() {
	}

	/** The fields and objects of a request body that Bean Validation refused. */
	static List<FieldError> of(MethodArgumentNotValidException ex) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(error -> errors.add(new FieldError(error.getField(), messageOf(error))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new FieldError(error.getObjectName(), messageOf(error))));
		return errors;
	}

	/**
	 * The method parameters (path variables, query parameters) that Bean Validation
	 * refused.
	 */
	static List<FieldError> of(HandlerMethodValidationException ex) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(new FieldError(name == null ? "parameter" : name, messageOf(error))));
		}
		return errors;
	}

	/** A parameter that could not be converted to its type. */
	static FieldError of(TypeMismatchException ex) {
		String name = ex.getPropertyName() == null ? "a parameter" : "'" + ex.getPropertyName() + "'";
		Class<?> required = ex.getRequiredType();
		String expected = required == null ? "of another type" : "a " + describe(required);
		return new FieldError(String.valueOf(ex.getPropertyName()), name + " must be " + expected);
	}

	/**
	 * The field of a JSON body that could not be bound, when Jackson names one: not for a
	 * body that is not JSON at all.
	 */
	static @Nullable FieldError ofBody(@Nullable JacksonException jackson) {
		if (jackson instanceof DatabindException databind && !(jackson instanceof StreamReadException)
				&& !databind.getPath().isEmpty()) {
			return new FieldError(pathOf(databind), explain(databind));
		}
		return null;
	}

	/** The Jackson exception behind a body that could not be read, if there is one. */
	static @Nullable JacksonException jacksonCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String explain(DatabindException ex) {
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String accepted = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
			return "must be one of " + accepted;
		}
		if (ex instanceof ValueInstantiationException instantiation
				&& instantiation.getCause() instanceof IllegalArgumentException illegal
				&& illegal.getMessage() != null) {
			return illegal.getMessage();
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return "must be " + describe(mismatched.getTargetType());
		}
		return "has an invalid value";
	}

	private static String pathOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(Class<?> type) {
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return switch (type.getSimpleName()) {
			case "UUID" -> "uuid";
			case "Integer", "int", "Long", "long", "Short", "short" -> "whole number";
			case "BigDecimal", "Double", "double", "Float", "float" -> "number";
			case "Boolean", "boolean" -> "boolean";
			case "Instant", "OffsetDateTime", "ZonedDateTime" -> "date-time such as 2026-11-23T09:00:00Z";
			case "LocalDate" -> "date such as 2026-11-23";
			case "List", "Set", "Collection" -> "array";
			case "String" -> "string";
			default ->
				type.isRecord() || type.getName().startsWith("java.util.Map") ? "object" : "value of another type";
		};
	}

	private static String messageOf(MessageSourceResolvable error) {
		return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
	}

}
