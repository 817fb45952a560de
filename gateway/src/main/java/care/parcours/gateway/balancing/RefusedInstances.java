package care.parcours.gateway.balancing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.stereotype.Component;

/**
 * The instances that recently refused a connection, so that the round robin skips them
 * for {@code refused-pause}. A static list knows nothing of an instance that stopped:
 * without this, every other request would go to it, the writes among them failing with a
 * 503 and opening the service's breaker although its other instance is well.
 */
@Component
class RefusedInstances {

	private final Map<URI, Instant> refusedUntil = new ConcurrentHashMap<>();

	private final ServiceInstancesProperties properties;

	private final Clock clock;

	RefusedInstances(ServiceInstancesProperties properties) {
		this.properties = properties;
		this.clock = Clock.systemUTC();
	}

	void refused(ServiceInstance instance) {
		this.refusedUntil.put(instance.getUri(), this.clock.instant().plus(this.properties.refusedPause()));
	}

	/** The instances worth trying now; all of them when every one refused lately. */
	List<ServiceInstance> worthTrying(List<ServiceInstance> instances) {
		Instant now = this.clock.instant();
		List<ServiceInstance> answering = instances.stream().filter((instance) -> {
			Instant until = this.refusedUntil.get(instance.getUri());
			return until == null || until.isBefore(now);
		}).toList();
		return answering.isEmpty() ? instances : answering;
	}

}
