package care.parcours.partner.deliveries;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What operations watch: attempts by outcome with their latency, dead letters, and
 * deliveries held back by a full bulkhead or an open circuit. Tagged by event type and
 * outcome, never by endpoint: partners come and go, metric series should not.
 */
@Component
class DeliveryMetrics {

	private final MeterRegistry meters;

	DeliveryMetrics(MeterRegistry meters, Deliveries deliveries) {
		this.meters = meters;
		// What waits for someone to fix an endpoint and replay: unlike the counter of
		// dead
		// letters, it is there from the start, survives restarts and falls on replay.
		Gauge.builder("parcours.webhooks.dead_letters", deliveries, DeliveryMetrics::deadOrNaN)
			.description("Webhook deliveries dead-lettered and not replayed")
			.register(meters);
	}

	private static double deadOrNaN(Deliveries deliveries) {
		try {
			return deliveries.dead();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Counts an attempt by outcome with its latency, and the dead letter it made, if any.
	 */
	void attempted(Delivery.Attempted attempted) {
		AttemptResult result = attempted.result();
		Timer.builder("parcours.webhooks.attempts")
			.description("Webhook delivery attempts, by outcome")
			.tag("type", attempted.delivery().eventType())
			.tag("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT))
			.register(meters)
			.record(result.latencyMillis(), TimeUnit.MILLISECONDS);
		if (attempted.delivery().status() == DeliveryStatus.DEAD) {
			deadLettered(attempted.delivery().eventType());
		}
	}

	private void deadLettered(String eventType) {
		Counter.builder("parcours.webhooks.dead_lettered")
			.description("Webhook deliveries that failed their last attempt")
			.tag("type", eventType)
			.register(meters)
			.increment();
	}

	void postponed(String reason) {
		Counter.builder("parcours.webhooks.postponed")
			.description("Webhook deliveries held back untried: bulkhead full or circuit open")
			.tag("reason", reason)
			.register(meters)
			.increment();
	}

}
