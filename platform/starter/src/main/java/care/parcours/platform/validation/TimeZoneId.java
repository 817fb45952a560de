package care.parcours.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IANA time zone id such as {@code Europe/Paris}; fixed offsets are refused because
 * they ignore daylight saving. Null is valid: combine with {@code @NotNull} where
 * required.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Constraint(validatedBy = TimeZoneId.Validator.class)
public @interface TimeZoneId {

	String message() default "must be an IANA time zone id such as Europe/Paris";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TimeZoneId, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || (value.contains("/") && ZoneId.getAvailableZoneIds().contains(value));
		}

	}

}
