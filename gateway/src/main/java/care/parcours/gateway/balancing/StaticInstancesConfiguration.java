package care.parcours.gateway.balancing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import care.parcours.gateway.resilience.RefusedConnections;

/**
 * Each load-balanced service's own context: its instances from
 * {@link ServiceInstancesProperties}, and the note of those that refused a connection.
 * Spring Cloud LoadBalancer's round robin does the balancing. Not a
 * {@code @Configuration}: it belongs to the per-service contexts only, not the
 * application's.
 */
class StaticInstancesConfiguration {

	@Bean
	ServiceInstanceListSupplier staticInstances(Environment environment, ServiceInstancesProperties properties,
			RefusedInstances refused) {
		String serviceId = LoadBalancerClientFactory.getName(environment);
		return new StaticInstances(serviceId, properties.of(serviceId), refused);
	}

	@Bean
	LoadBalancerLifecycle<Object, Object, ServiceInstance> refusedConnectionNotes(RefusedInstances refused) {
		return new LoadBalancerLifecycle<>() {

			@Override
			public void onStart(Request<Object> request) {
			}

			@Override
			public void onStartRequest(Request<Object> request, Response<ServiceInstance> lbResponse) {
			}

			@Override
			public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
				Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
				if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()
						&& RefusedConnections.isRefusedConnection(completion.getThrowable())) {
					refused.refused(chosen.getServer());
				}
			}

		};
	}

}
