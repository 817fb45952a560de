package care.parcours.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose successful answer carries the resource's version as a
 * strong {@code ETag}, so that the document promises the header. A handler that takes an
 * {@code ExpectedVersion} answers one too and needs no mark; the answer validation of the
 * tests proves the header is really sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ETagged {

}
