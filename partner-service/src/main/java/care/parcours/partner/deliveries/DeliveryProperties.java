package care.parcours.partner.deliveries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered. With the defaults a failing delivery is tried 16 times over
 * 12 to 24 hours (the jitter decides) before it is dead-lettered.
 *
 * @param enabled whether this process sends deliveries (it always records them)
 * @param timeout how long one attempt may take, connecting included
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param initialBackoff the wait after the first failure, doubled after each one
 * @param maxBackoff the longest wait between two attempts
 * @param maxConcurrencyPerEndpoint requests in flight to one endpoint at most
 * @param circuitOpenFor how long an endpoint's circuit stays open before it is tried
 * again
 * @param circuitMinimumCalls attempts an endpoint's circuit judges a failure rate on
 * @param pollInterval how often the dispatcher looks for due deliveries nobody woke it
 * for
 * @param batchSize deliveries claimed at once at most
 */
@ConfigurationProperties("parcours.webhooks.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration timeout,
		@DefaultValue("16") int maxAttempts, @DefaultValue("5s") Duration initialBackoff,
		@DefaultValue("6h") Duration maxBackoff, @DefaultValue("4") int maxConcurrencyPerEndpoint,
		@DefaultValue("30s") Duration circuitOpenFor, @DefaultValue("10") int circuitMinimumCalls,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("200") int batchSize) {

	/**
	 * How long a claimed delivery stays reserved: past it, a crashed sender's deliveries
	 * are claimed again.
	 */
	Duration lease() {
		return timeout.multipliedBy(2).plusSeconds(30);
	}

	Delivery.Retries retries() {
		return new Delivery.Retries(maxAttempts, new Backoff(initialBackoff, maxBackoff));
	}

}
