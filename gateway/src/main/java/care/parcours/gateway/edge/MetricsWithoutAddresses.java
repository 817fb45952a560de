package care.parcours.gateway.edge;

import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's metrics say nothing of where things live inside the network, whoever
 * reads them (Prometheus on the management port, dashboards, a support ticket): Spring
 * Cloud Gateway tags each route's meters with its target URI (the route id names the
 * route well enough), and Lettuce tags its commands with Redis' address.
 */
@Configuration(proxyBeanMethods = false)
class MetricsWithoutAddresses {

	@Bean
	MeterFilter withoutServiceAddresses() {
		return MeterFilter.ignoreTags("routeUri", "spring.cloud.gateway.route.uri", "net.sock.peer.addr",
				"net.sock.peer.port", "net.peer.name", "net.peer.port", "server.address", "server.port");
	}

}
