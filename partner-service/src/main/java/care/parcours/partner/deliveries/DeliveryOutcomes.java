package care.parcours.partner.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a claimed delivery became (see {@link Delivery#recordAttempt} and
 * {@link Delivery#postpone}), and counts it.
 */
@Component
class DeliveryOutcomes {

	private final Deliveries deliveries;

	private final DeliveryProperties properties;

	private final DeliveryMetrics metrics;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DeliveryOutcomes(Deliveries deliveries, DeliveryProperties properties, DeliveryMetrics metrics,
			TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.metrics = metrics;
		this.transactions = transactions;
		this.clock = clock;
	}

	void attempted(Delivery.Claimed claimed, AttemptResult result) {
		Delivery.Attempted attempted = claimed.delivery()
			.recordAttempt(result, clock.instant(), properties.retries(), ThreadLocalRandom.current());
		transactions.executeWithoutResult(status -> deliveries.save(claimed, attempted));
		metrics.attempted(attempted);
	}

	void postponed(Delivery.Claimed claimed, Duration by, String reason) {
		deliveries.save(claimed, claimed.delivery().postpone(clock.instant().plus(by)));
		metrics.postponed(reason);
	}

}
