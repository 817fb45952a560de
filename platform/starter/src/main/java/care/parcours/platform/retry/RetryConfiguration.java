package care.parcours.platform.retry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Spring's resilient methods for every service: {@link RetryOnContention} and, where a
 * service needs them, {@code @Retryable} and {@code @ConcurrencyLimit}. Proxies are
 * class-based, as Boot's are, so that a bean proxied for its transactions and for its
 * retries is proxied once, the retry outside the transaction.
 */
@AutoConfiguration
@EnableResilientMethods(proxyTargetClass = true)
public class RetryConfiguration {

}
