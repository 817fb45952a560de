package care.parcours.partner.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what became of a claimed delivery: delivered; failed and due again after a
 * backoff; dead after its last attempt; or postponed untried, without counting an
 * attempt.
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

	void attempted(Delivery.Claimed delivery, AttemptResult result) {
		Instant now = clock.instant();
		int attempts = delivery.attempts() + 1;
		metrics.attempted(delivery, result);
		transactions.executeWithoutResult(status -> {
			if (result.succeeded()) {
				deliveries.delivered(delivery, result, now);
			}
			else if (attempts >= properties.maxAttempts()) {
				deliveries.dead(delivery, result, now);
				metrics.deadLettered(delivery);
			}
			else {
				deliveries.failed(delivery, result, now,
						now.plus(properties.backoff().after(attempts, ThreadLocalRandom.current())));
			}
		});
	}

	void postponed(Delivery.Claimed delivery, Duration by, String reason) {
		deliveries.postpone(delivery, clock.instant().plus(by));
		metrics.postponed(reason);
	}

}
