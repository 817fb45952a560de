package care.parcours.gateway.edge;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's metrics answer at {@code /actuator/prometheus} on the port the public
 * reaches, so they say nothing of where things live inside the network: Spring Cloud
 * Gateway tags each route's meters with its target URI (the route id names the route well
 * enough), and Lettuce tags its commands with Redis' address.
 */
@Configuration(proxyBeanMethods = false)
class PublicMetrics {

	@Bean
	MeterFilter withoutServiceAddresses() {
		return MeterFilter.ignoreTags("routeUri", "spring.cloud.gateway.route.uri", "net.sock.peer.addr",
				"net.sock.peer.port", "net.peer.name", "net.peer.port", "server.address", "server.port");
	}

}
