package care.parcours.platform.retry;

import java.lang.reflect.Method;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tries a call again only when it was a transaction of its own: a transactional method
 * called outside any transaction. One that ran inside a caller's transaction has doomed
 * that transaction too, and trying it again there would fail at once: the caller starts
 * over instead. A method without a transaction of its own is not tried again either: the
 * transactional methods it calls were, and trying it again would try them again as many
 * times over.
 */
class OutermostTransaction implements MethodRetryPredicate {

	@Override
	public boolean shouldRetry(Method method, Throwable failure) {
		return !TransactionSynchronizationManager.isActualTransactionActive() && transactional(method);
	}

	private static boolean transactional(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, Transactional.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getDeclaringClass(), Transactional.class);
	}

}
