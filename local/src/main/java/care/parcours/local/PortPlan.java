package care.parcours.local;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP port of every service, and the gateway's management port. The local platform
 * uses the {@link #defaults()}; tests use {@link #random()} ports so that they run beside
 * a local platform.
 *
 * @param ports a distinct port for each of the six services
 * @param gatewayManagement where the gateway answers probes and metrics: the public port
 * serves the API only
 */
public record PortPlan(Map<ServiceName, Integer> ports, int gatewayManagement) {

	/** The gateway's management port in the local platform and in docker-compose. */
	public static final int DEFAULT_GATEWAY_MANAGEMENT = 9080;

	public PortPlan {
		EnumMap<ServiceName, Integer> copy = new EnumMap<>(ServiceName.class);
		copy.putAll(ports);
		Set<Integer> seen = new HashSet<>();
		for (ServiceName service : ServiceName.values()) {
			Integer port = copy.get(service);
			if (port == null) {
				throw new IllegalArgumentException("No port for " + service.module());
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("Port " + port + " of " + service.module() + " is not a TCP port");
			}
			if (!seen.add(port)) {
				throw new IllegalArgumentException("Port " + port + " is planned for two services");
			}
		}
		if (gatewayManagement < 1 || gatewayManagement > 65535) {
			throw new IllegalArgumentException(
					"Management port " + gatewayManagement + " of gateway is not a TCP port");
		}
		if (seen.contains(gatewayManagement)) {
			throw new IllegalArgumentException(
					"Port " + gatewayManagement + " is planned for a service and the gateway's management");
		}
		ports = Collections.unmodifiableMap(copy);
	}

	/** The services' ports with the default management port of the gateway. */
	public PortPlan(Map<ServiceName, Integer> ports) {
		this(ports, DEFAULT_GATEWAY_MANAGEMENT);
	}

	/**
	 * Gateway 8080, patient 8081, scheduling 8082, billing 8083, partner 8084, auth 9000;
	 * the gateway's management 9080.
	 */
	public static PortPlan defaults() {
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, service.defaultPort());
		}
		return new PortPlan(ports);
	}

	/**
	 * Seven distinct ports that were free a moment ago, chosen by the operating system.
	 */
	public static PortPlan random() {
		List<Integer> free = Ports.free(ServiceName.values().length + 1);
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, free.get(service.ordinal()));
		}
		return new PortPlan(ports, free.getLast());
	}

	public int port(ServiceName service) {
		return this.ports.get(service);
	}

	/**
	 * Where the service answers its probes and metrics: the gateway on its management
	 * port, the others (which the public does not reach) on their own port.
	 */
	public int managementPort(ServiceName service) {
		return (service == ServiceName.GATEWAY) ? this.gatewayManagement : port(service);
	}

}
