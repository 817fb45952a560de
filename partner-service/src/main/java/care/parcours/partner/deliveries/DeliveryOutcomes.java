package care.parcours.partner.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what a claimed delivery became (see {@link Delivery#recordAttempt} and
 * {@link Delivery#postpone}), and counts it.
 */
@Component
class DeliveryOutcomes {

	private final Deliveries deliveries;

	private final DeliveryProperties properties;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	DeliveryOutcomes(Deliveries deliveries, DeliveryProperties properties, DeliveryMetrics metrics, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The delivery's new state and its attempt's record are stored together. */
	@Transactional
	void attempted(Delivery.Claimed claimed, AttemptResult result) {
		Delivery.Attempted attempted = claimed.delivery()
			.recordAttempt(result, clock.instant(), properties.retries(), ThreadLocalRandom.current());
		deliveries.save(claimed, attempted);
		metrics.attempted(attempted);
	}

	void postponed(Delivery.Claimed claimed, Duration by, String reason) {
		deliveries.save(claimed, claimed.delivery().postpone(clock.instant().plus(by)));
		metrics.postponed(reason);
	}

}
