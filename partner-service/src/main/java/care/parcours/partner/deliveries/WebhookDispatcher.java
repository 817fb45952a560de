package care.parcours.partner.deliveries;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import care.parcours.partner.webhooks.WebhookEndpoint;
import care.parcours.partner.webhooks.WebhookEndpoints;
import care.parcours.platform.polling.LeaderPoller;
import care.parcours.platform.polling.PollingLifecycle;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, each attempt on a virtual thread of its own.
 * <p>
 * One loop, on one instance at a time ({@link LeaderPoller}), claims what is due (see
 * {@link Deliveries#claim}) and hands it to the workers once the claims committed; it
 * wakes when a delivery is created or an attempt ends, and polls in case another instance
 * did the work. Every endpoint has its own Resilience4j bulkhead, which bounds the
 * requests in flight to it, and circuit breaker, which stops calling an endpoint that
 * keeps failing: deliveries it refuses are postponed without counting as attempts. With
 * timeouts on every request, a slow or dead partner holds a few virtual threads and
 * nobody else's deliveries.
 */
@Component
class WebhookDispatcher extends PollingLifecycle<Delivery.Claimed> {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	/** The advisory lock that lets one dispatcher claim at a time, across instances. */
	private static final long CLAIM_LOCK = 0x7061727477686bL;

	private final WebhookEndpoints endpoints;

	private final WebhookSender sender;

	private final DeliveryProperties properties;

	private final DeliveryOutcomes outcomes;

	private final EndpointGuards guards;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final Deliveries deliveries;

	private final Clock clock;

	WebhookDispatcher(Deliveries deliveries, WebhookEndpoints endpoints, WebhookSender sender, EndpointGuards guards,
			DeliveryProperties properties, DeliveryOutcomes outcomes, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		super(new LeaderPoller.Settings("webhook-dispatcher", CLAIM_LOCK, properties.pollInterval(),
				properties.batchSize()), jdbc, transactions, properties.enabled(),
				properties.pollInterval().plusSeconds(5));
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.sender = sender;
		this.guards = guards;
		this.properties = properties;
		this.outcomes = outcomes;
		this.clock = clock;
	}

	@Override
	protected List<Delivery.Claimed> takeUnderLock(int batchSize) {
		return deliveries.claim(clock.instant(), properties.lease(), properties.maxConcurrencyPerEndpoint(), batchSize);
	}

	/** Hands what was claimed to the workers, once the claims have committed. */
	@Override
	protected void afterCommit(List<Delivery.Claimed> claimed) {
		Map<UUID, WebhookEndpoint> where = endpointsOf(claimed);
		for (Delivery.Claimed delivery : claimed) {
			// An endpoint removed meanwhile took its deliveries with it.
			WebhookEndpoint endpoint = where.get(delivery.delivery().endpointId());
			if (endpoint != null) {
				workers.execute(() -> attempt(delivery, endpoint));
			}
		}
	}

	private Map<UUID, WebhookEndpoint> endpointsOf(List<Delivery.Claimed> claimed) {
		if (claimed.isEmpty()) {
			return Map.of();
		}
		try {
			return endpoints.findAll(
					claimed.stream().map(delivery -> delivery.delivery().endpointId()).collect(Collectors.toSet()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the endpoints of claimed deliveries; their claims will lapse", ex);
			return Map.of();
		}
	}

	private void attempt(Delivery.Claimed delivery, WebhookEndpoint endpoint) {
		try {
			attemptGuarded(delivery, endpoint);
		}
		catch (InterruptedException ex) {
			// Stopping: the claim lapses and the delivery is tried again later.
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook delivery {} could not be attempted; its claim will lapse", delivery.delivery().id(), ex);
		}
		finally {
			wakeUp();
		}
	}

	private void attemptGuarded(Delivery.Claimed delivery, WebhookEndpoint endpoint) throws InterruptedException {
		Bulkhead bulkhead = guards.bulkhead(endpoint.id());
		if (!bulkhead.tryAcquirePermission()) {
			outcomes.postponed(delivery, properties.pollInterval(), "bulkhead-full");
			return;
		}
		try {
			CircuitBreaker circuit = guards.circuit(endpoint.id());
			if (!circuit.tryAcquirePermission()) {
				// Spread the postponed deliveries over the open period rather than all at
				// its end, when only a few trial calls are let through.
				outcomes.postponed(delivery,
						properties.circuitOpenFor()
							.multipliedBy(50 + ThreadLocalRandom.current().nextInt(51))
							.dividedBy(100),
						"circuit-open");
				return;
			}
			long started = System.nanoTime();
			AttemptResult result = sender.send(endpoint, delivery);
			guards.record(circuit, result, started);
			outcomes.attempted(delivery, result);
		}
		finally {
			bulkhead.onComplete();
		}
	}

	/**
	 * Lets the attempts under way finish, up to their timeout, once no more are claimed.
	 */
	@Override
	protected void afterStop() {
		try {
			workers.shutdown();
			if (!workers.awaitTermination(properties.timeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
				workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			workers.shutdownNow();
		}
	}

}
