package care.parcours.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application under test keeps time by a {@link MutableClock} the test autowires and
 * moves ({@link MutableClocks} puts it back to real time around every test method).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(WithMutableClock.Time.class)
public @interface WithMutableClock {

	/** The application's {@code Clock} bean. */
	@TestConfiguration(proxyBeanMethods = false)
	class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
