package care.parcours.gateway.balancing;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/** One service's instances as configured, less those that refused a connection lately. */
final class StaticInstances implements ServiceInstanceListSupplier {

	private final String serviceId;

	private final List<ServiceInstance> instances;

	private final RefusedInstances refused;

	StaticInstances(String serviceId, List<URI> uris, RefusedInstances refused) {
		this.serviceId = serviceId;
		this.instances = uris.stream().map((uri) -> instance(serviceId, uri)).toList();
		this.refused = refused;
	}

	private static ServiceInstance instance(String serviceId, URI uri) {
		boolean secure = "https".equalsIgnoreCase(uri.getScheme());
		int port = (uri.getPort() != -1) ? uri.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(serviceId + "@" + uri.getHost() + ":" + port, serviceId, uri.getHost(), port,
				secure);
	}

	@Override
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return Flux.defer(() -> Flux.just(this.refused.worthTrying(this.instances)));
	}

}
