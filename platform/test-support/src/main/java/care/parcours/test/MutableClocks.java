package care.parcours.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts every {@link MutableClock} of a test's application context back to real time
 * before and after each test method. Contexts are cached and shared between the tests of
 * a class (and between classes with the same configuration), so a clock one test moved
 * ahead would otherwise make the next test's times lie in the past. Registered for every
 * Spring test through {@code META-INF/spring.factories}: no test has to remember it.
 */
public final class MutableClocks implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		reset(testContext);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		reset(testContext);
	}

	@Override
	public int getOrder() {
		// After dependency injection, before Spring's own listeners that may close the
		// context.
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	private static void reset(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(MutableClock.class).orderedStream().forEach(MutableClock::reset);
	}

}
