package care.parcours.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of an event record, such as
 * {@code partner.practitioner.registered.v1}: producing service, aggregate, past-tense
 * verb, version. A breaking change is a new record with a new version, never an edit of
 * this one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	String value();

}
