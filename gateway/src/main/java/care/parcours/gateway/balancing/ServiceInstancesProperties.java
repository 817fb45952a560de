package care.parcours.gateway.balancing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instances each service's base URLs, by the service id its routes name in
 * {@code lb://<service-id>}; comma-separated in one property or variable
 * ({@code PARCOURS_SCHEDULING_URL=http://127.0.0.1:8082,http://127.0.0.1:8092})
 * @param refusedPause how long an instance that refused a connection is passed over while
 * its service has another: long enough for a stopped instance not to take every other
 * request, short enough for a restarted one to be back soon
 */
@ConfigurationProperties("parcours.gateway")
record ServiceInstancesProperties(Map<String, List<URI>> instances, @DefaultValue("5s") Duration refusedPause) {

	List<URI> of(String serviceId) {
		List<URI> uris = this.instances.get(serviceId);
		if (uris == null || uris.isEmpty()) {
			throw new IllegalStateException(
					"No instances configured for " + serviceId + " (parcours.gateway.instances." + serviceId + ")");
		}
		return uris;
	}

}
