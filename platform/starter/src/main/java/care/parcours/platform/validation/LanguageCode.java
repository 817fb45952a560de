package care.parcours.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 639-1 language code in lower case, such as {@code nl}. Null is valid: combine
 * with {@code @NotNull} where required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Constraint(validatedBy = LanguageCode.Validator.class)
public @interface LanguageCode {

	String message() default "must be an ISO 639-1 language code such as fr";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<LanguageCode, String> {

		private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (value.length() == 2 && LANGUAGES.contains(value));
		}

	}

}
